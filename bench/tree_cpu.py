"""CPU seconds of a command and of every process it starts, however deep, printed at the end:

    .venv/bin/python bench/tree_cpu.py .venv/bin/python -m pytest -p no:xdist -q tests/browser/x.py

`/usr/bin/time` counts only children that their parents waited for; Chromium's renderers and
zygote are left to init when the browser closes, so most of a browser test's CPU never shows.
Here this process is a child subreaper: every orphan is handed to it and reaped here, and so
counted in RUSAGE_CHILDREN. It waits for the last descendant before it prints.
"""

import ctypes
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def main(command):
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    start = time.monotonic()
    code = subprocess.Popen(command).wait()
    while True:
        try:
            os.wait()
        except ChildProcessError:
            break
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"tree CPU: {used.ru_utime:.1f} user {used.ru_stime:.1f} sys "
        f"{used.ru_utime + used.ru_stime:.1f} total, {time.monotonic() - start:.1f} real",
        file=sys.stderr,
    )
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
