#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image. grade needs a JDK 17 (it
# compiles submissions with the JDK's compiler); the grader and its compiled hidden tests are
# already in course/ beside this file.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends openjdk-17-jdk-headless
chmod +x /autograder/source/run_autograder /autograder/run_autograder 2>/dev/null || true
java -version
