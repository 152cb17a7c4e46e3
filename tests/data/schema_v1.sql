-- The schema of a Renja Desktop document of format version 1 (PRAGMA user_version = 1), as
-- Renja Desktop wrote it before version 2. tests/test_schema.py builds a version-1 file from it
-- and checks that the upgrade gives exactly the schema of a new file. Never edit this file.

CREATE TABLE document (
	id VARCHAR(36) NOT NULL, 
	pemda TEXT NOT NULL, 
	opd TEXT NOT NULL, 
	opd_singkat TEXT NOT NULL, 
	tahun INTEGER NOT NULL, 
	renstra_mulai INTEGER, 
	renstra_selesai INTEGER, 
	nomenklatur_versi TEXT NOT NULL, 
	judul TEXT NOT NULL, 
	running_header TEXT NOT NULL, 
	tempat TEXT NOT NULL, 
	tanggal TEXT NOT NULL, 
	kepala_jabatan TEXT NOT NULL, 
	kepala_nama TEXT NOT NULL, 
	kepala_pangkat TEXT NOT NULL, 
	kepala_nip TEXT NOT NULL, 
	created_at TEXT NOT NULL, 
	modified_at TEXT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE plan_row (
	id VARCHAR(36) NOT NULL, 
	parent_id VARCHAR(36), 
	position INTEGER NOT NULL, 
	level INTEGER NOT NULL, 
	kode TEXT NOT NULL, 
	nama TEXT NOT NULL, 
	outcome TEXT NOT NULL, 
	lokasi TEXT NOT NULL, 
	pagu INTEGER, 
	pagu_n1 INTEGER, 
	catatan TEXT NOT NULL, 
	penanggung_jawab TEXT NOT NULL, 
	rkpd_nama TEXT NOT NULL, 
	rkpd_lokasi TEXT NOT NULL, 
	rkpd_indikator TEXT NOT NULL, 
	rkpd_target TEXT NOT NULL, 
	rkpd_pagu INTEGER, 
	rkpd_catatan TEXT NOT NULL, 
	modified_at TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(parent_id) REFERENCES plan_row (id) ON DELETE CASCADE
);

CREATE INDEX ix_plan_row_parent_id ON plan_row (parent_id);

CREATE INDEX ix_plan_row_kode ON plan_row (kode);

CREATE TABLE eval_row (
	id VARCHAR(36) NOT NULL, 
	parent_id VARCHAR(36), 
	position INTEGER NOT NULL, 
	level INTEGER NOT NULL, 
	kode TEXT NOT NULL, 
	nama TEXT NOT NULL, 
	sasaran TEXT NOT NULL, 
	indikator TEXT NOT NULL, 
	satuan TEXT NOT NULL, 
	k_5 TEXT, 
	rp_5 INTEGER, 
	k_6 TEXT, 
	rp_6 INTEGER, 
	k_7 TEXT, 
	rp_7 INTEGER, 
	k_8 TEXT, 
	rp_8 INTEGER, 
	k_9 TEXT, 
	rp_9 INTEGER, 
	k_10 TEXT, 
	rp_10 INTEGER, 
	k_11 TEXT, 
	rp_11 INTEGER, 
	k_12 TEXT, 
	rp_12 INTEGER, 
	k_14 TEXT, 
	penanggung_jawab TEXT NOT NULL, 
	keterangan TEXT NOT NULL, 
	modified_at TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(parent_id) REFERENCES eval_row (id) ON DELETE CASCADE
);

CREATE INDEX ix_eval_row_parent_id ON eval_row (parent_id);

CREATE INDEX ix_eval_row_kode ON eval_row (kode);

CREATE TABLE pelayanan (
	id VARCHAR(36) NOT NULL, 
	position INTEGER NOT NULL, 
	indikator TEXT NOT NULL, 
	spm TEXT NOT NULL, 
	ikk TEXT NOT NULL, 
	target_n3 TEXT NOT NULL, 
	target_n2 TEXT NOT NULL, 
	target_n1 TEXT NOT NULL, 
	target_n TEXT NOT NULL, 
	realisasi_n3 TEXT NOT NULL, 
	realisasi_n2 TEXT NOT NULL, 
	proyeksi_n TEXT NOT NULL, 
	proyeksi_n_plus1 TEXT NOT NULL, 
	catatan TEXT NOT NULL, 
	modified_at TEXT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE usulan (
	id VARCHAR(36) NOT NULL, 
	position INTEGER NOT NULL, 
	program_kegiatan TEXT NOT NULL, 
	lokasi TEXT NOT NULL, 
	indikator TEXT NOT NULL, 
	volume TEXT NOT NULL, 
	catatan TEXT NOT NULL, 
	modified_at TEXT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE declared_value (
	id VARCHAR(36) NOT NULL, 
	tabel TEXT NOT NULL, 
	kode TEXT NOT NULL, 
	row_id TEXT, 
	kolom TEXT NOT NULL, 
	teks TEXT NOT NULL, 
	nilai INTEGER, 
	sumber TEXT NOT NULL, 
	modified_at TEXT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (tabel, kode, kolom, row_id)
);

CREATE TABLE meta (
	"key" TEXT NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);

CREATE TABLE indikator (
	id VARCHAR(36) NOT NULL, 
	row_id VARCHAR(36) NOT NULL, 
	position INTEGER NOT NULL, 
	teks TEXT NOT NULL, 
	target TEXT NOT NULL, 
	satuan TEXT NOT NULL, 
	target_n1 TEXT NOT NULL, 
	modified_at TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(row_id) REFERENCES plan_row (id) ON DELETE CASCADE
);

CREATE INDEX ix_indikator_row_id ON indikator (row_id);

CREATE TABLE sumber_dana (
	id VARCHAR(36) NOT NULL, 
	row_id VARCHAR(36) NOT NULL, 
	position INTEGER NOT NULL, 
	kode TEXT NOT NULL, 
	nama TEXT NOT NULL, 
	jumlah INTEGER, 
	modified_at TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(row_id) REFERENCES plan_row (id) ON DELETE CASCADE
);

CREATE INDEX ix_sumber_dana_row_id ON sumber_dana (row_id);
