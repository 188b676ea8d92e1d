#!/bin/sh
# Exercism's test-runner interface: bin/run.sh SLUG INPUT_DIR OUTPUT_DIR
# SLUG is an exercise of the course: its slug when no other day has one of that name (offsets),
# or DAY-SLUG (day03-offsets). INPUT_DIR holds the learner's files as Exercism's Java track lays
# them out (src/main/java/day03/Offsets.java; any layout `grade --submission` reads will do) and
# is only read. Writes OUTPUT_DIR/results.json (Exercism's version 2) and exits 0 whether the
# tests pass or fail; non-zero only when the runner itself could not grade.
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
if [ $# -lt 3 ]; then
  echo "usage: bin/run.sh SLUG INPUT_DIR OUTPUT_DIR" >&2
  exit 2
fi
slug=$1 input=$2 output=$3
case "$slug" in
  day[0-9][0-9]-*) day=${slug%%-*} exercise=${slug#*-} ;;
  *)
    found=$(cd "$here/exercises" 2>/dev/null && ls -d day[0-9][0-9]/"$slug" 2>/dev/null)
    if [ -z "$found" ] || [ "$(printf '%s\n' "$found" | wc -l)" -ne 1 ]; then
      echo "bin/run.sh: the course has no single exercise \"$slug\": give it as DAY-SLUG, such as day03-offsets" >&2
      exit 2
    fi
    day=${found%%/*} exercise=$slug ;;
esac
mkdir -p "$output" || exit 2
rm -f "$output/results.json"
sh "$here/grade" "$day" "$exercise" --submission "$input" --no-color --format exercism --output "$output/results.json"
status=$?
# 0: every test passed; 1: a test failed or the code did not compile. Both are results.
if [ "$status" -le 1 ] && [ -s "$output/results.json" ]; then
  exit 0
fi
echo "bin/run.sh: grade could not grade $day/$exercise (exit status $status)" >&2
[ "$status" -gt 1 ] && exit "$status"
exit 3
