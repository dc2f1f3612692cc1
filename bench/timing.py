"""How the bench scripts time a piece of work: run it a few times and keep the median."""

import statistics
import time


def median_ms(fn, repeat, clock=time.perf_counter):
    """The median of `repeat` runs of fn() in ms (for two runs, the mean). `clock` is wall
    time by default; time.process_time counts only this process's CPU, which on a shared
    machine leaves out the waiting (and, on PostgreSQL, the server's work)."""
    times = []
    for _ in range(repeat):
        started = clock()
        fn()
        times.append((clock() - started) * 1000)
    return statistics.median(times)
