"""Irreducible representation backends: Young's orthogonal form for S_n and Dixon's method for any finite group."""
