"""Benchmarks and quality evaluations; each prints Markdown tables."""
