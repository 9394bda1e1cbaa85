"""The channel layer: one story, republished to every channel chosen for it."""
