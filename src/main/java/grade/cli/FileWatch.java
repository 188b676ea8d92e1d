package grade.cli;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import org.apache.commons.io.monitor.FileAlterationListenerAdaptor;
import org.apache.commons.io.monitor.FileAlterationMonitor;
import org.apache.commons.io.monitor.FileAlterationObserver;

/**
 * Reports saves of the watched files into a queue: with the operating system's file events (the
 * JDK watch service), or with {@code --poll}, by looking at the files every interval (Commons IO's
 * file monitor) for file systems where events do not arrive.
 */
final class FileWatch implements AutoCloseable {
    /** On macOS the JDK's watch service polls every 10 s: looking every 100 ms keeps a save's verdict under half a second. */
    static final boolean EVENTS_LAG = System.getProperty("os.name", "").startsWith("Mac");

    private final AutoCloseable stop;

    private FileWatch(AutoCloseable stop) {
        this.stop = stop;
    }

    static FileWatch start(List<Path> files, BlockingQueue<String> sink, boolean poll, long intervalMillis) throws IOException {
        Set<Path> dirs = new HashSet<>();
        Set<Path> watched = new HashSet<>();
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            watched.add(abs);
            dirs.add(abs.getParent());
        }
        for (Path d : dirs) {
            Files.createDirectories(d);
        }
        return poll ? polling(dirs, watched, sink, intervalMillis) : events(dirs, watched, sink);
    }

    private static FileWatch events(Set<Path> dirs, Set<Path> watched, BlockingQueue<String> sink) throws IOException {
        WatchService service = FileSystems.getDefault().newWatchService();
        for (Path d : dirs) {
            d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        }
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    WatchKey key = service.take();
                    Path dir = (Path) key.watchable();
                    for (WatchEvent<?> e : key.pollEvents()) {
                        if (e.context() instanceof Path name && watched.contains(dir.resolve(name).toAbsolutePath().normalize())) {
                            sink.offer("save");
                        }
                    }
                    key.reset();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // watch mode ended
            }
        }, "file events");
        t.setDaemon(true);
        t.start();
        return new FileWatch(service);
    }

    private static FileWatch polling(Set<Path> dirs, Set<Path> watched, BlockingQueue<String> sink, long interval) throws IOException {
        FileAlterationMonitor monitor = new FileAlterationMonitor(interval);
        for (Path d : dirs) {
            FileAlterationObserver observer = FileAlterationObserver.builder().setPath(d)
                    .setFileFilter(f -> watched.contains(f.toPath().toAbsolutePath().normalize())).get();
            observer.addListener(new FileAlterationListenerAdaptor() {
                @Override
                public void onFileChange(java.io.File file) {
                    sink.offer("save");
                }

                @Override
                public void onFileCreate(java.io.File file) {
                    sink.offer("save");
                }
            });
            monitor.addObserver(observer);
        }
        monitor.setThreadFactory(r -> {
            Thread t = new Thread(r, "file poll");
            t.setDaemon(true);
            return t;
        });
        try {
            monitor.start();
        } catch (Exception e) {
            throw new IOException("could not start watching the files: " + e.getMessage(), e);
        }
        return new FileWatch(() -> monitor.stop(100));
    }

    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            // nothing left to stop
        }
    }
}
