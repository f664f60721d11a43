"""Word lists for the attribution signal (speech verbs, titles/roles, place and organisation words).

Compiled by hand from Indonesian news style (Kompas, Tempo, detik, Antara house style: "kata X",
"ujar X", "X mengatakan, ...", "Menurut X, ...") and checked against the 2019 CLICK-ID article corpus.
All entries are lower case; matching is case-insensitive unless a caller says otherwise.
`by_prefix` turns a word list into a regex alternation that scans fast.
"""

from __future__ import annotations

import string

LETTERS = tuple(string.ascii_lowercase)


def by_prefix(words: frozenset[str], prefixes: tuple[str, ...]) -> str:
    """A regex alternation of `words` factored by their prefixes ("me(?:ngatakan|nyatakan)"): the regex
    engine then tries a few branches per position instead of every word, much faster to scan."""
    groups = [
        f"{p}(?:{'|'.join(sorted((w[len(p) :] for w in words if w.startswith(p)), key=len, reverse=True))})"
        for p in prefixes
        if any(w.startswith(p) for w in words)
    ]
    return "|".join(groups)


# Verbs that follow a quote or clause and precede the speaker: `"...," kata Rachid`. Each also takes
# the enclitic -nya ("ujarnya" = "he said").
INVERTED_VERBS = frozenset(
    """
    kata ujar ucap imbuh tutup ungkap jelas terang tegas tambah sebut papar tutur lanjut sambung pungkas
    tandas timpal celetuk cerita tulis seru urai beber klaim sahut jawab tukas kilah katakan tanya kenang
    komentar kisah keluh sindir canda seloroh sergah
    """.split()
)

# Verbs that follow the speaker: `Allawi mengatakan, ...`, `Sri Mulyani menjelaskan bahwa ...`.
# SAY_VERBS take reported content directly; the other FRONT_VERBS only with ", ", ":" or "bahwa" after
# them ("Presiden mengumumkan lokasinya" is an event, "X mengumumkan bahwa ..." is a statement).
SAY_VERBS = frozenset(
    """
    mengatakan menyatakan menjelaskan mengungkapkan mengungkap menegaskan menambahkan menyebut
    menyebutkan memaparkan menuturkan menerangkan mengaku mengakui mengklaim menilai menekankan
    menyampaikan mengutarakan berkata bertutur berujar menandaskan berpendapat beranggapan mengemukakan
    """.split()
)
FRONT_VERBS = SAY_VERBS | frozenset(
    """
    mengingatkan membantah menampik mengimbau bercerita melanjutkan menimpali menulis mencuitkan
    mengumumkan membenarkan mengonfirmasi mengkonfirmasi menuding menduga memperingatkan berpesan
    menyayangkan mengeluhkan berjanji menyerukan mengisahkan menceritakan mengabarkan melaporkan
    menjawab mencatat
    """.split()
)

# Passive forms: `Dikatakan Slamet, ...`, `diungkapkan oleh Kejaksaan ...`.
PASSIVE_VERBS = frozenset(
    """
    dikatakan diungkapkan dijelaskan disebutkan ditegaskan dituturkan diakui diterangkan dipaparkan
    disampaikan ditambahkan dikatakannya diungkapkannya dijelaskannya
    """.split()
)

PRONOUNS = frozenset("dia ia beliau dirinya".split())  # singular: resolved to a person
PLURAL_PRONOUNS = frozenset("mereka kami kita saya aku".split())  # not resolved (unnamed)

# Capitalised common nouns that open sentences as subjects of speech verbs; never a name.
COMMON_SUBJECTS = frozenset(
    """
    polisi pemerintah warga netizen warganet pihak petugas korban pelaku tersangka informasi kabar
    laporan data penelitian studi survei riset dokumen pesan sumber masyarakat publik penonton pembaca
    penggemar fans netter pengguna ahli pakar peneliti pengamat dokter mahasiswa siswa tim panitia
    """.split()
)

# Titles, ranks and roles that precede a name ("Wapres Irak Ayad Allawi", "Kombes Slamet Pribadi").
ROLE_WORDS = frozenset(
    """
    presiden wapres wakil menteri mendagri menkeu menkumham mendikbud menpora menlu menhan menko
    mensesneg kepala ketua sekretaris sekjen sesmenpora direktur dirut direktorat komisaris kabid kabag
    kasi kasat kasubag kapolri kapolda kapolres kapolsek kabareskrim kadiv karo panglima pangdam danrem
    dandim gubernur wagub bupati wabup walikota wali kota camat lurah kades juru bicara jubir humas staf
    khusus anggota pimpinan pemimpin pendiri pengamat peneliti pakar ahli dosen guru besar rektor dekan
    dokter dr dr. prof prof. ir drs dra hj h ustadz ustaz ustazah kyai kiai kh ki habib syekh pastor
    pendeta romo pak bu bapak ibu mbak mas bang kak sang kolonel jenderal letjen mayjen brigjen irjen
    komjen kombes akbp akp ajun kompol iptu ipda aiptu aipda bripka brigadir briptu bripda marsekal
    laksamana laksda kapten mayor letkol serka sertu pratu kopral ceo cfo coo cto founder co-founder
    chairman president director manager manajer general direktur pelatih asisten kapten kiper penyerang
    gelandang bek striker aktris aktor penyanyi rapper presenter model selebgram youtuber komedian
    musisi vokalis gitaris drummer sutradara produser penulis artis politikus politisi legislator
    senator perdana pm raja ratu pangeran putri sultan paus uskup hakim jaksa pengacara kuasa hukum
    advokat terdakwa tersangka saksi korban warga ibunda ayahanda istri suami kakak adik putra putri
    anak corporate affairs head chief spokesperson spokesman minister secretary officer executive senior
    vice pejabat petugas deputi dirjen kadis kabiro kapuspen kasubdit kanit kabidhumas kasubbag wamen
    wakapolri wakapolda wakapolres pj plt plh kabid kapendam kapenrem danlanud danyon pangkostrad kasad
    kasal kasau jaksa pelaksana koordinator ketum waketum sekum bendahara pengurus kuasa bos pemilik
    owner pol
    """.split()
)

# Capitalised words that are places, never part of a person's name. Countries and Indonesian
# provinces/large cities are the usual words between a role and a name ("Wapres Irak Ayad Allawi").
PLACE_WORDS = frozenset(
    """
    indonesia ri amerika serikat as inggris prancis perancis jerman rusia china cina tiongkok jepang
    korea selatan utara barat timur tengah irak iran suriah turki arab saudi mesir israel palestina
    yordania lebanon yaman qatar kuwait uea afghanistan pakistan india bangladesh malaysia singapura
    thailand vietnam filipina myanmar kamboja laos brunei australia selandia baru kanada meksiko brasil
    argentina italia spanyol portugal belanda belgia swiss swedia norwegia denmark finlandia polandia
    ukraina yunani austria hongaria irlandia skotlandia nigeria afrika kenya libya tunisia aljazair
    maroko sudan somalia ethiopia venezuela kolombia chili peru kuba hong kong taiwan eropa asia
    tenggara jakarta bandung surabaya medan semarang yogyakarta jogja makassar palembang denpasar bali
    bogor depok pulau tangerang bekasi malang solo surakarta aceh sumatera sumut sumbar sumsel riau jambi
    bengkulu lampung banten jawa jabar jateng jatim diy kalimantan kaltim kalbar kalsel kalteng kaltara
    sulawesi sulsel sulut sulteng sultra gorontalo maluku papua ntb ntt nusa tenggara dki daerah
    istimewa kabupaten kota provinsi kecamatan desa tanah air metro jaya
    """.split()
)

# Capitalised words of organisations; an organisation may itself be a speaker ("KPK menyatakan").
ORG_WORDS = frozenset(
    """
    polri polda polres polsek polresta polrestabes mabes tni ad al au kodam korem kodim dpr dprd mpr dpd
    kpk bnn bnpb bpbd bmkg bpk bps ojk bi kpu bawaslu mk ma kejagung kejati kejari kemenkes kemendikbud
    kemenag kemenkeu kemendagri kemenpora kemenlu kemenhan kemenkumham kementerian dinas badan lembaga
    komisi direktorat biro bagian divisi satuan satlantas satreskrim reskrim humas pemkab pemkot pemprov
    pemerintah partai fraksi universitas university institut institute college of the group grup pt tbk
    persero bank fc united club klub timnas asosiasi federasi perhimpunan ikatan yayasan lsm ormas pbb
    who unicef unesco imf nasa fbi cia kbri kedubes kedutaan kjri koalisi laboratorium rumah sakit rs
    rsud rsup kejaksaan pengadilan negeri tinggi keuangan luar dalam pertahanan agama kesehatan
    pendidikan kebudayaan perdagangan perindustrian pertanian hukum ham sosial perhubungan pariwisata
    lingkungan hidup kehutanan kelautan perikanan koordinator energi bumn ketenagakerjaan tenaga kerja
    olahraga pemuda negara keamanan politik perekonomian pembangunan investasi komunikasi informatika
    riset teknologi umum perumahan rakyat kebijakan luar-negeri
    """.split()
)
PLACE_ORG_WORDS = PLACE_WORDS | ORG_WORDS

# Lower-case words allowed inside a name ("Abu Bakr al Baghdadi", "Irjen pol Rycko", "bin", "van").
NAME_CONNECTORS = frozenset("al el bin binti van von der de da la le pol".split())
# Words that join capitalised words into one organisation name ("Perindustrian dan Perdagangan",
# "University of Colorado"); only between two capitalised words.
NAME_JOINERS = NAME_CONNECTORS | frozenset("dan of for & and".split())

# Capitalised function words that start sentences and are never part of a speaker phrase.
NON_NAME_CAPS = frozenset(
    """
    namun sementara menurut dalam saat ketika sedangkan selain kemudian lalu tetapi tapi adapun bahkan
    sebelumnya menanggapi di pada usai seusai setelah sebelum hal ia dia mereka kami saya ini itu para
    seorang salah begitu demikian meski meskipun karena jadi oleh dan atau jika apabila bila sehingga
    agar untuk dengan dari ke akan sudah telah juga pun lebih selanjutnya terkait soal tak tidak bukan
    kini kala hingga sampai sejak atas sebagai sebab apalagi terlebih tentu yang senin selasa rabu kamis
    jumat sabtu minggu januari februari maret april mei juni juli agustus september oktober november
    desember wib wita wit
    """.split()
)

# Lower-case words that end a speaker phrase after a verb ("kata Sri di kediaman ...").
PHRASE_STOPS = frozenset(
    """
    dari seperti saat ketika dalam di kepada pada usai seusai sebelum setelah melalui via dikutip dilansir
    melansir mengutip yang sambil kemarin lewat kala selaku sebagai menurut bahwa itu ini dan
    sebagaimana kepada saat sesaat beberapa baru usai ditemui dihubungi dikonfirmasi menjawab soal
    terkait tentang mengenai atas ketika sembari dengan lalu pun juga pula sendiri lagi kemudian
    """.split()
)

DAYS_MONTHS = frozenset(
    """
    senin selasa rabu kamis jumat jum'at sabtu minggu ahad januari februari maret april mei juni juli
    agustus september oktober november desember
    """.split()
)

# Anonymous or vague sourcing (lack of a named source): (reason, trigger words, regex). The regex is
# matched case-insensitively, and only when one of the trigger words occurs in the lower-cased text.
ANONYMOUS_PATTERNS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "unnamed_source",
        ("nama", "identitas"),
        (
            r"\b(?:tidak|tak|enggan|belum)\s+(?:mau|ingin|bersedia|boleh)?\s*(?:di)?"
            r"(?:sebut|sebutkan|tulis|publikasikan|ungkap|ungkapkan)(?:kan)?\s+(?:nama|identitas)(?:nya)?"
        ),
    ),
    (
        "unnamed_source",
        ("sumber",),
        (
            r"\bsumber\s+(?:anonim|terpercaya|internal|yang\s+dekat|dekat|di\s+lingkungan|di\s+internal"
            r"|yang\s+mengetahui|yang\s+enggan)"
            r"|\b(?:menurut|kata|ujar|dari)\s+(?:seorang\s+|salah\s+satu\s+|beberapa\s+|sejumlah\s+)?sumber\b"
            r"|\bseorang\s+sumber\b"
        ),
    ),
    (
        "hearsay",
        ("kabar", "konon", "desas", "rumor"),
        (
            r"\bkabarnya\b|\bkonon(?:nya)?\b|\bdesas-desus\b|\bkabar\s+burung\b"
            r"|\brumor(?:nya)?\s+(?:yang\s+)?(?:beredar|menyebut)"
        ),
    ),
    (
        "hearsay",
        ("beredar", "tersebar", "berantai"),
        (
            r"\bberedar\s+(?:kabar|isu|informasi|pesan)\b"
            r"|\b(?:kabar|isu|informasi|pesan)\s+(?:yang\s+)?(?:beredar|tersebar|berantai)\b"
        ),
    ),
    (
        "hearsay",
        ("santer", "disebut-sebut", "dikabarkan"),
        r"\bsanter\s+(?:terdengar|beredar|dikabarkan|diberitakan)\b|\bdisebut-sebut\b|\bdikabarkan\b",
    ),
    (
        "vague_experts",
        ("ahli", "pakar", "pengamat", "peneliti", "ilmuwan", "dokter", "analis"),
        (
            r"\b(?:menurut|kata)\s+(?:para|sejumlah|beberapa|banyak)\s+"
            r"(?:ahli|pakar|pengamat|peneliti|ilmuwan|dokter|analis)\b"
            r"|\b(?:para|sejumlah|beberapa|banyak)\s+(?:ahli|pakar|pengamat|ilmuwan|analis)\s+"
            r"(?:percaya|menyebut|mengatakan|meyakini|berpendapat|menilai)\b"
        ),
    ),
)
