"""Running the `liaison` binary from the benchmark scripts: one command, and the CPU it used."""
import resource
import subprocess


class LiaisonFailed(RuntimeError):
    """A `liaison` command exited non-zero; the message names the command and what it printed."""


def child_cpu():
    """CPU seconds used by finished children: on a shared machine, wall time measures the neighbours too."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def liaison(binary, *arguments):
    """Runs `binary arguments…` and returns its standard output, or raises LiaisonFailed."""
    run = subprocess.run([binary, *arguments], capture_output=True, text=True)
    if run.returncode != 0:
        raise LiaisonFailed(f"liaison {' '.join(arguments)} exited {run.returncode}:\n{run.stderr.strip() or run.stdout.strip()}")
    return run.stdout
