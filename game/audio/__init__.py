"""Sound: the chip synthesizer, effects, music from MIDI and (in mixer.py only) pygame playback."""
