"""The chapter outline: kinds of sections, their derived numbers, and the default sistematika.

The default is the sistematika of a Renja Perangkat Daerah under Permendagri 86/2017 as the
reference Renja uses it: cover, Kata Pengantar, Daftar Isi, Daftar Tabel, BAB I Pendahuluan (1.1-1.4),
BAB II evaluation (2.1-2.5, Tabel 2.1-2.4), BAB III Tujuan dan Sasaran (3.1-3.3, Tabel 3.1),
BAB IV Rencana Kerja dan Pendanaan (Tabel 4.1), BAB V Penutup with the signature. Numbers
("BAB II", "2.3") follow the order of the outline and are never stored.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .format import heading, list_block, paragraph, roman

#: kind -> Indonesian label. ``bab`` sections are numbered BAB I, II ...; ``sub`` below them 1.1, 1.2 ...
KINDS = {
    "sampul": "Sampul",
    "kata_pengantar": "Kata Pengantar",
    "daftar_isi": "Daftar Isi",
    "daftar_tabel": "Daftar Tabel",
    "bab": "Bab",
    "sub": "Subbab",
}
#: sections printed before BAB I (roman page numbers)
FRONT_KINDS = ("sampul", "kata_pengantar", "daftar_isi", "daftar_tabel")


@dataclass
class SectionNode:
    id: str
    parent_id: str | None
    position: int
    kind: str
    judul: str
    content: str
    modified_at: str = ""
    nomor: str = ""                  # derived: "BAB II", "2.3", "" for front matter
    depth: int = 0
    children: list["SectionNode"] = field(default_factory=list)

    @property
    def heading(self) -> str:
        """The heading as printed (fields not yet substituted)."""
        if self.kind == "bab":
            return f"{self.nomor} {self.judul.upper()}".strip()
        if self.kind == "sub":
            return f"{self.nomor} {self.judul}".strip()
        return self.judul.upper()


def number_tree(roots: list[SectionNode]) -> None:
    """Set ``nomor`` and ``depth`` of every section from the order."""
    bab = 0
    for r in roots:
        r.depth = 0
        if r.kind == "bab":
            bab += 1
            r.nomor = f"BAB {roman(bab)}"
            _number_children(r, str(bab), 1)
        else:
            r.nomor = ""
            _number_children(r, "", 1)


def _number_children(parent: SectionNode, prefix: str, depth: int) -> None:
    k = 0
    for c in parent.children:
        c.depth = depth
        if c.kind == "sub" and prefix:
            k += 1
            c.nomor = f"{prefix}.{k}"
            _number_children(c, c.nomor, depth + 1)
        else:
            c.nomor = ""
            _number_children(c, "", depth + 1)


def walk(roots: list[SectionNode]):
    stack = list(reversed(roots))
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n.children))


# ------------------------------------------------------------------------------ default outline
def _p(text: str) -> dict:
    return paragraph(text)


def default_outline() -> list[dict]:
    """The Permendagri 86/2017 sistematika with starter text and the table placements.

    A list of ``{"kind", "judul", "blocks", "children"}``; texts use fields so they fit any agency.
    """
    sig = {"type": "signature"}
    return [
        {"kind": "sampul", "judul": "Sampul", "blocks": [
            paragraph("{judul}", align="center", style="title"),
            paragraph("RENCANA KERJA", align="center", style="title"),
            paragraph("{opd} {pemda}", align="center", style="subtitle"),
            paragraph("TAHUN {tahun}", align="center", style="subtitle"),
        ]},
        {"kind": "kata_pengantar", "judul": "Kata Pengantar", "blocks": [
            _p("Puji dan syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, sehingga penyusunan Rencana Kerja "
               "{opd} {pemda} Tahun {tahun} dapat diselesaikan."),
            _p("Kami menyadari bahwa Rencana Kerja ini belum sempurna. Kritik dan saran sangat kami harapkan "
               "untuk perbaikan pada penyusunan berikutnya."),
            sig,
        ]},
        {"kind": "daftar_isi", "judul": "Daftar Isi", "blocks": []},
        {"kind": "daftar_tabel", "judul": "Daftar Tabel", "blocks": []},
        {"kind": "bab", "judul": "Pendahuluan", "blocks": [], "children": [
            {"kind": "sub", "judul": "Latar Belakang", "blocks": [
                _p("Rencana Kerja (Renja) Perangkat Daerah adalah dokumen perencanaan Perangkat Daerah untuk periode "
                   "satu tahun. Renja {opd} {pemda} Tahun {tahun} berpedoman pada Renstra {renstra} dan mengacu "
                   "pada Rancangan Awal RKPD Tahun {tahun}.")]},
            {"kind": "sub", "judul": "Landasan Hukum", "blocks": [
                _p("Landasan hukum penyusunan Rencana Kerja ini adalah sebagai berikut:"),
                list_block("decimal", [
                    "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;",
                    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
                    "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, "
                    "Pengendalian dan Evaluasi Pembangunan Daerah;",
                ])]},
            {"kind": "sub", "judul": "Maksud dan Tujuan", "blocks": [
                _p("Maksud disusunnya Renja adalah menjadi dokumen perencanaan yang memuat program dan kegiatan "
                   "{opd} Tahun {tahun}.")]},
            {"kind": "sub", "judul": "Sistematika Penulisan", "blocks": [
                _p("Sistematika penulisan Rencana Kerja ini adalah sebagai berikut:"),
                list_block("upper-roman", ["Pendahuluan", "Evaluasi Pelaksanaan Renja Tahun Lalu",
                                           "Tujuan, Sasaran, Program dan Kegiatan", "Rencana Kerja dan Pendanaan",
                                           "Penutup"])]},
        ]},
        {"kind": "bab", "judul": "Evaluasi Pelaksanaan Rencana Kerja {opd} Tahun {tahun_evaluasi}", "blocks": [],
         "children": [
             {"kind": "sub", "judul": "Evaluasi Pelaksanaan Renja dan Capaian Renstra Tahun {tahun_evaluasi}",
              "blocks": [{"type": "generated", "kind": "realisasi_evaluasi"}, {"type": "table_ref", "tabel": "2.1"}]},
             {"kind": "sub", "judul": "Analisis Kinerja Pelayanan {opd}", "blocks": [
                 _p("Kinerja pelayanan {opd} dapat dilihat pada tabel berikut:"),
                 {"type": "table_ref", "tabel": "2.2"}]},
             {"kind": "sub", "judul": "Isu-isu Penting Penyelenggaraan Tugas dan Fungsi", "blocks": []},
             {"kind": "sub", "judul": "Review terhadap Rancangan Awal RKPD", "blocks": [
                 {"type": "table_ref", "tabel": "2.3"}]},
             {"kind": "sub", "judul": "Penelaahan Usulan Program dan Kegiatan Masyarakat", "blocks": [
                 {"type": "table_ref", "tabel": "2.4"}]},
         ]},
        {"kind": "bab", "judul": "Tujuan, Sasaran, Program dan Kegiatan", "blocks": [], "children": [
            {"kind": "sub", "judul": "Telaahan terhadap Kebijakan Nasional dan Pemerintah Daerah", "blocks": []},
            {"kind": "sub", "judul": "Tujuan dan Sasaran Renja {opd}", "blocks": []},
            {"kind": "sub", "judul": "Program dan Kegiatan", "blocks": [
                heading("Rumusan program dan kegiatan"),
                {"type": "table_ref", "tabel": "3.1"}]},
        ]},
        {"kind": "bab", "judul": "Rencana Kerja dan Pendanaan", "blocks": [
            {"type": "generated", "kind": "ringkasan_pagu"},
            {"type": "table_ref", "tabel": "4.1"}]},
        {"kind": "bab", "judul": "Penutup", "blocks": [
            _p("Rencana Kerja {opd} Tahun {tahun} merupakan pedoman dalam penyusunan dokumen pelaksanaan "
               "anggaran dan pelaksanaan program dan kegiatan tahun {tahun}."),
            sig]},
    ]
