"""Screens as a stack (title, play, pause, menus): push, pop, replace."""
