"""The rules of Red Heat: plain Python + numpy, never pygame.

Everything here runs headless and deterministically: integer ticks at 60 Hz,
positions in 1/256 px, randomness only from the world's seeded generator.
"""
