"""Menu widgets, text layout and key prompts shared by every screen around the fighting."""
