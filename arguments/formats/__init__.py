"""Readers and writers of file formats other than argmap's own."""
