"""Developer tools of the bfa project (not shipped in the wheel)."""
