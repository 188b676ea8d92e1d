#!/usr/bin/env python3
"""C: how long `grade watch` takes from saving a one-line change to the verdict on screen.

Runs `./grade watch day03 offsets` in a pseudo-terminal on a fresh workspace holding a known-wrong
solution of day03/offsets (so every run grades all its tests and it stays on that exercise),
saves a one-line change to day03/Offsets.java RUNS times, and prints, for each save, the
milliseconds from the write to the line that ends the verdict.

    bench/watch-latency.py [RUNS]
"""
import os, pty, re, select, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
VERDICT = re.compile(rb"exercises? passed")

ws = tempfile.mkdtemp(prefix="grade-watch-bench-")
try:
    subprocess.run([os.path.join(ROOT, "grade"), "init", ws], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # the first known-wrong solution: the reference solution with its diff applied (GNU patch)
    wrong = os.path.join(ROOT, "solutions/day03/offsets/wrong")
    first = sorted(f for f in os.listdir(wrong) if f.endswith(".diff"))[0]
    target = os.path.join(ws, "day03/Offsets.java")
    shutil.copy(os.path.join(ROOT, "solutions/day03/offsets/day03/Offsets.java"), target)
    subprocess.run(["patch", "-s", "-p1", "-d", ws, "-i", os.path.join(wrong, first)], check=True)

    pid, fd = pty.fork()
    if pid == 0:
        os.execv(os.path.join(ROOT, "grade"),
                 ["grade", "watch", "day03", "offsets", "-w", ws, "--no-color"])

    buf = b""

    def wait_for_verdict(deadline):
        global buf
        while time.monotonic() < deadline:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return None
                buf += chunk
                if VERDICT.search(buf):
                    buf = b""
                    return time.monotonic()
        return None

    if wait_for_verdict(time.monotonic() + 120) is None:
        sys.exit("watch gave no first verdict")
    time.sleep(1.5)  # let it settle: the test JVM for the next run may start ahead
    results = []
    with open(target, encoding="utf-8") as f:
        source = f.read()
    for i in range(RUNS):
        edited = source + "\n// edit %d\n" % i
        start = time.monotonic()
        with open(target, "w", encoding="utf-8") as f:
            f.write(edited)
        end = wait_for_verdict(start + 60)
        if end is None:
            sys.exit("no verdict after save %d" % (i + 1))
        results.append(round((end - start) * 1000))
        time.sleep(1.5)
    os.write(fd, b"q")
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    print(" ".join(str(r) for r in results))
finally:
    shutil.rmtree(ws, ignore_errors=True)
