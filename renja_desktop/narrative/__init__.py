"""The written Renja: its chapter outline and the text of every section.

* :mod:`.format`: the stored block format (versioned JSON) and its validation;
* :mod:`.fields`: ``{opd}``, ``{tahun}`` ... in the text;
* :mod:`.generated`: passages computed from the data (BAB IV funding summary, BAB II realisation);
* :mod:`.outline`: section kinds, derived numbers, the default Permendagri 86/2017 sistematika;
* :mod:`.store`: the ``section`` rows and every edit as an operation with its inverse;
* :mod:`.textimport`: reading the narrative of an existing Renja from .docx or plain text;
* :mod:`.checks`: findings for ``check`` (unknown fields, tables not placed).

No Qt here.
"""
