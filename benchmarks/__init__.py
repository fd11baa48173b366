"""Benchmarks for Budget Tutor: ``python -m benchmarks.run`` runs them all (see docs/performance.md)."""
