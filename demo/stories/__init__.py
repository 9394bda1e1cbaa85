"""Real Ishøj stories for the demo, retold from the municipality's own documents."""

from .stories import load

__all__ = ["load"]
