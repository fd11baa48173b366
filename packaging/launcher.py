"""The bundle's entry point (PyInstaller): the same ``main()`` as the ``budget-tutor`` command."""

import sys

from budget_tutor.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
