"""Briefings: derivation (``briefings.derive``), the library and export.

Importing the package installs the import finder that decides, when
``briefings.derive`` is first imported, whether the derivation runs from its
mypyc-compiled modules or from the sources (``briefings._accel``).
"""

from briefings import _accel

_accel.install()
