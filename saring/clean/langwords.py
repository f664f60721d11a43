"""Indonesian or a close neighbour? Votes of words that one language uses and the other avoids.

`malay_vote`, Indonesian or Malaysian Malay: py3langid's character n-grams cannot tell the two standards
apart reliably (Indonesian religious columns and news about Malaysia score "ms" at p > 0.9, and one
Malaysian sentence in five scored "id"), but spelling and everyday words still differ (bahawa/bahwa,
kerana/karena, polis/polisi, syarikat/perusahaan, pesakit/pasien), so each word below counts for one
side. The lists hold common function and news words only - no names or places - and leave out words
both standards use (beliau, boleh, pejabat "official", kerajaan in "Kerajaan Majapahit", kereta in
"kereta api", wang as a surname, Ahad in Tempo's datelines); each word was checked against the 2019
corpus, where a wrong one shows up as refused Indonesian articles.

`function_vote`, when py3langid is unsure: Javanese/Sundanese, English or Indonesian function words.
"""

from __future__ import annotations

# Malaysian spellings and words an Indonesian writer would replace; the Indonesian words, in order:
# bahwa karena saja yaitu sementara maupun perusahaan pertanyaan kendaraan baru polisi universitas taksi
# pegawai akibat melalui sebanyak diperkirakan lokal internasional diberitahukan memberitahukan membantah
# korban pasien perawatan anak-anak pasokan jangka viral rapat kampanye toilet Senin Kamis Jumat wartawan
# terlibat melibatkan sebagian bagian berbagai film telepon jadwal surga. Not "percuma" (free): Indonesian
# says it for "in vain"; not "solat": Indonesians write it too.
MALAYSIAN = frozenset(
    "bahawa kerana sahaja iaitu manakala mahupun syarikat soalan kenderaan baharu polis universiti "
    "teksi kakitangan ekoran menerusi seramai dijangka tempatan antarabangsa dimaklumkan memaklumkan "
    "menafikan mangsa pesakit rawatan kanak-kanak bekalan tempoh tular mesyuarat kempen tandas isnin khamis "
    "jumaat pemberita terbabit membabitkan sebahagian bahagian pelbagai filem telefon jadual syurga".split()
)

# Indonesian spellings and words a Malaysian writer would replace (the Malaysian words: bahawa kerana
# sahaja iaitu selepas wang percuma polis syarikat kenderaan kereta pejabat semalam; boleh, tak, sangat,
# je, dah, macam for the slang; kerajaan and the Malaysian units for the administration; kata, tambah,
# dedah, berkaitan, pesakit, rawatan, antarabangsa, maklumat, kenyataan, menafikan, pemberita, RM, Isnin,
# Khamis, Jumaat, mesti, supaya, lelaki, mendedahkan, berjaya, sebahagian, bahagian, pelbagai, filem,
# telefon, jadual, syurga, solat, selepas, kerana).
INDONESIAN = frozenset(
    "bahwa karena saja yaitu setelah uang gratis polisi perusahaan kendaraan mobil kantor kemarin "
    "bisa enggak nggak gak ga banget aja udah kayak gimana gitu nih dong sih kok deh lho emang kalo gue gw "
    "bilang pemerintah kabupaten kab kecamatan kec pemkab pemkot kelurahan provinsi dprd dpr "
    "ujar tutur imbuh ungkap terkait pasien perawatan internasional informasi pernyataan membantah wartawan "
    "rp wib senin kamis jumat harus agar pria mengungkapkan berhasil sebagian bagian berbagai film telepon "
    "jadwal surga salat sholat usai lantaran".split()
)
# Indonesian spells universitas/kualitas/aktivitas where Malaysian has universiti/kualiti/aktiviti. (The
# Malaysian "-syen" of televisyen is no marker: Indonesian writes "fesyen" too.)
INDONESIAN_ENDING = "itas"

# Stripped from both ends of a whitespace-separated token (a hyphen inside "kanak-kanak" stays): a third of
# the time of a word regex over the sample.
_PUNCTUATION = "!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~-\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb"


def malay_vote(text: str) -> tuple[int, int]:
    """(Malaysian-only words, Indonesian-only words) in `text`, which must already be case-folded."""
    malaysian = indonesian = 0
    for word in _words(text):
        if word in MALAYSIAN:
            malaysian += 1
        elif word in INDONESIAN or word.endswith(INDONESIAN_ENDING):
            indonesian += 1
    return malaysian, indonesian


# Function words of Javanese (ngoko and krama) and Sundanese that Indonesian does not use, of English, and
# of Indonesian (none of them used by the others). py3langid has no Sundanese, scores short Indonesian
# posts (names, phone numbers, shouting) as Javanese at p 0.2-0.7, and short English headlines at
# p 0.1-0.4 under all sorts of labels: when it is unsure, these words settle the language.
REGIONAL = frozenset(
    "ora iki kuwi arep wis lan ing kowe piye ning nek saka marang uga opo ono "  # Javanese ngoko
    "nggih niki niku kulo kula sampun dereng wonten mboten sampeyan panjenengan menawi badhe "  # krama
    "teu abdi anjeun pisan urang kumaha ieu jeung keur nu téh geus badé tos sareng kana ti ogé "  # Sundanese
    "henteu hoyong punten upami parantos nyaéta".split()
)
ENGLISH_FUNCTION = frozenset(
    "the of and to in is are was were for on with by from this that it be as at an not have has its "
    "their they we you he she his her will would can".split()
)
INDONESIAN_FUNCTION = frozenset(
    "yang dan dengan tidak untuk dari akan pada adalah ada juga sudah saya kami kita mereka bisa karena "
    "bahwa ini itu atau oleh tersebut telah dalam".split()
)


def function_vote(text: str) -> tuple[int, int, int]:
    """(Javanese/Sundanese, English, Indonesian) function words in case-folded `text`."""
    regional = english = indonesian = 0
    for word in _words(text):
        if word in REGIONAL:
            regional += 1
        elif word in ENGLISH_FUNCTION:
            english += 1
        elif word in INDONESIAN_FUNCTION:
            indonesian += 1
    return regional, english, indonesian


def _words(text: str) -> list[str]:
    return [token.strip(_PUNCTUATION) for token in text.split()]
