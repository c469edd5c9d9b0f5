"""Adversarial tests: hostile event files against the real entry points (see docs/security.md)."""
