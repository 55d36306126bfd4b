"""``python -m storycompare`` runs the command line; :func:`run` is the ``storycompare`` command.

It imports the command line inside its own guard: a Ctrl-C while the modules load (about 0.1 s,
up to a second on a busy machine) is the same one line and exit code 130 as one during the run,
not a traceback of the import machinery.  Then :func:`storycompare.cli.run` runs it and ends the
process."""

import sys


def run() -> int:
    """The ``storycompare`` command (``[project.scripts]``)."""
    try:
        from storycompare.cli import run as run_command
    except KeyboardInterrupt:
        print("storycompare: interrupted", file=sys.stderr)
        return 130
    run_command()  # ends the process
    return 0


if __name__ == "__main__":  # not when a worker process re-imports this module
    sys.exit(run())
