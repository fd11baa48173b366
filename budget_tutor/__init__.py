"""Budget Tutor: household budgeting lessons and a planner for families who live on remittances.

The package outside ``budget_tutor.ui`` is the core: plain Python, no Qt.
"""

__version__ = "0.1.0"
