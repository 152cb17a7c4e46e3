# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_document.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_NewDocumentDialog(object):
    def setupUi(self, NewDocumentDialog):
        if not NewDocumentDialog.objectName():
            NewDocumentDialog.setObjectName(u"NewDocumentDialog")
        NewDocumentDialog.resize(480, 250)
        NewDocumentDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(NewDocumentDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.pemdaLabel = QLabel(NewDocumentDialog)
        self.pemdaLabel.setObjectName(u"pemdaLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pemdaLabel)

        self.pemda = QLineEdit(NewDocumentDialog)
        self.pemda.setObjectName(u"pemda")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.pemda)

        self.opdLabel = QLabel(NewDocumentDialog)
        self.opdLabel.setObjectName(u"opdLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.opdLabel)

        self.opd = QLineEdit(NewDocumentDialog)
        self.opd.setObjectName(u"opd")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.opd)

        self.opdSingkatLabel = QLabel(NewDocumentDialog)
        self.opdSingkatLabel.setObjectName(u"opdSingkatLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.opdSingkatLabel)

        self.opd_singkat = QLineEdit(NewDocumentDialog)
        self.opd_singkat.setObjectName(u"opd_singkat")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.opd_singkat)

        self.tahunLabel = QLabel(NewDocumentDialog)
        self.tahunLabel.setObjectName(u"tahunLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.tahunLabel)

        self.tahun = QSpinBox(NewDocumentDialog)
        self.tahun.setObjectName(u"tahun")
        self.tahun.setMinimum(2000)
        self.tahun.setMaximum(2100)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.tahun)

        self.nomenklaturLabel = QLabel(NewDocumentDialog)
        self.nomenklaturLabel.setObjectName(u"nomenklaturLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.nomenklaturLabel)

        self.nomenklatur = QComboBox(NewDocumentDialog)
        self.nomenklatur.setObjectName(u"nomenklatur")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.nomenklatur)


        self.layout.addLayout(self.form)

        self.error = QLabel(NewDocumentDialog)
        self.error.setObjectName(u"error")
        self.error.setStyleSheet(u"color: #b3261e;")
        self.error.setWordWrap(True)

        self.layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(NewDocumentDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.pemdaLabel.setBuddy(self.pemda)
        self.opdLabel.setBuddy(self.opd)
        self.opdSingkatLabel.setBuddy(self.opd_singkat)
        self.tahunLabel.setBuddy(self.tahun)
        self.nomenklaturLabel.setBuddy(self.nomenklatur)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.pemda, self.opd)
        QWidget.setTabOrder(self.opd, self.opd_singkat)
        QWidget.setTabOrder(self.opd_singkat, self.tahun)
        QWidget.setTabOrder(self.tahun, self.nomenklatur)

        self.retranslateUi(NewDocumentDialog)

        QMetaObject.connectSlotsByName(NewDocumentDialog)
    # setupUi

    def retranslateUi(self, NewDocumentDialog):
        NewDocumentDialog.setWindowTitle(QCoreApplication.translate("NewDocumentDialog", u"Renja baru", None))
        self.pemdaLabel.setText(QCoreApplication.translate("NewDocumentDialog", u"&Pemerintah daerah:", None))
        self.pemda.setPlaceholderText(QCoreApplication.translate("NewDocumentDialog", u"mis. Kota Binjai", None))
        self.opdLabel.setText(QCoreApplication.translate("NewDocumentDialog", u"Perangkat &Daerah:", None))
        self.opd.setPlaceholderText(QCoreApplication.translate("NewDocumentDialog", u"mis. Badan Kesatuan Bangsa dan Politik", None))
        self.opdSingkatLabel.setText(QCoreApplication.translate("NewDocumentDialog", u"Nama &singkat:", None))
        self.opd_singkat.setPlaceholderText(QCoreApplication.translate("NewDocumentDialog", u"mis. Badan Kesbangpol", None))
        self.tahunLabel.setText(QCoreApplication.translate("NewDocumentDialog", u"&Tahun rencana (n):", None))
        self.nomenklaturLabel.setText(QCoreApplication.translate("NewDocumentDialog", u"&Nomenklatur:", None))
#if QT_CONFIG(tooltip)
        self.nomenklatur.setToolTip(QCoreApplication.translate("NewDocumentDialog", u"Versi katalog nomenklatur yang diikuti dokumen: kode dan nama baris diperiksa terhadapnya", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

