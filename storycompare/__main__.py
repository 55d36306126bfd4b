"""``python -m storycompare`` runs the command line."""

from storycompare.cli import run

if __name__ == "__main__":  # not when a worker process re-imports this module
    run()
