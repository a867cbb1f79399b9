"""The member API: tokens, profiles and submissions of member companies."""
