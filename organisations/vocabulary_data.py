"""The standard vocabularies of the directory in the seven interface languages: a table of
data, not code, and therefore one long file (``organisations.vocabularies`` loads it)."""

from __future__ import annotations

# The names of the standard entries in the interface languages, in this order. An installation
# with an eighth interface language adds its names in the admin (or a column here); no migration.
NAME_LANGUAGES = ("de", "en", "ar", "fa", "tr", "uk", "ru")

# (slug, names in NAME_LANGUAGES); terms as in docs/glossary.md.
Names = tuple[str, str, str, str, str, str, str]
TOPICS: list[tuple[str, Names]] = [
    ("education", ("Bildung", "Education", "التعليم", "آموزش", "Eğitim", "Освіта", "Образование")),
    ("culture", ("Kultur", "Culture", "الثقافة", "فرهنگ", "Kültür", "Культура", "Культура")),
    ("health", ("Gesundheit", "Health", "الصحة", "سلامت", "Sağlık", "Здоров’я", "Здоровье")),
    (
        "work",
        (
            "Arbeit und Beruf",
            "Work and careers",
            "العمل والمهنة",
            "کار و حرفه",
            "İş ve meslek",
            "Робота й професія",
            "Работа и профессия",
        ),
    ),
    (
        "anti-discrimination",
        (
            "Antidiskriminierung",
            "Anti-discrimination",
            "مناهضة التمييز",
            "مقابله با تبعیض",
            "Ayrımcılıkla mücadele",
            "Протидія дискримінації",
            "Противодействие дискриминации",
        ),
    ),
    (
        "multilingualism",
        (
            "Mehrsprachigkeit",
            "Multilingualism",
            "تعدد اللغات",
            "چندزبانگی",
            "Çok dillilik",
            "Багатомовність",
            "Многоязычие",
        ),
    ),
    ("women", ("Frauen", "Women", "النساء", "زنان", "Kadınlar", "Жінки", "Женщины")),
    ("youth", ("Jugend", "Youth", "الشباب", "جوانان", "Gençlik", "Молодь", "Молодёжь")),
    ("sport", ("Sport", "Sport", "الرياضة", "ورزش", "Spor", "Спорт", "Спорт")),
    ("religion", ("Religion", "Religion", "الدين", "دین", "Din", "Релігія", "Религия")),
    ("housing", ("Wohnen", "Housing", "السكن", "مسکن", "Barınma", "Житло", "Жильё")),
    (
        "legal-advice",
        (
            "Rechtsberatung",
            "Legal advice",
            "الاستشارة القانونية",
            "مشاورهٔ حقوقی",
            "Hukuki danışmanlık",
            "Юридичні консультації",
            "Юридическая консультация",
        ),
    ),
    (
        "participation",
        (
            "Politische Teilhabe",
            "Political participation",
            "المشاركة السياسية",
            "مشارکت سیاسی",
            "Siyasi katılım",
            "Політична участь",
            "Политическое участие",
        ),
    ),
    (
        "peer-support",
        (
            "Peer-Unterstützung",
            "Peer support",
            "دعم الأقران",
            "حمایت همتایان",
            "Akran desteği",
            "Взаємна підтримка",
            "Взаимная поддержка",
        ),
    ),
    ("family", ("Familie", "Family", "الأسرة", "خانواده", "Aile", "Сім’я", "Семья")),
    (
        "language-learning",
        (
            "Deutsch lernen",
            "Learning German",
            "تعلّم اللغة الألمانية",
            "یادگیری زبان آلمانی",
            "Almanca öğrenme",
            "Вивчення німецької мови",
            "Изучение немецкого языка",
        ),
    ),
    (
        "asylum",
        (
            "Asyl und Aufenthalt",
            "Asylum and residence",
            "اللجوء والإقامة",
            "پناهندگی و اقامت",
            "İltica ve oturum hakkı",
            "Притулок і право на перебування",
            "Убежище и право на пребывание",
        ),
    ),
    (
        "environment",
        ("Umwelt", "Environment", "البيئة", "محیط زیست", "Çevre", "Довкілля", "Окружающая среда"),
    ),
]

TARGET_GROUPS: list[tuple[str, Names]] = [
    ("women", ("Frauen", "Women", "النساء", "زنان", "Kadınlar", "Жінки", "Женщины")),
    (
        "refugees",
        (
            "Geflüchtete",
            "Refugees",
            "اللاجئون واللاجئات",
            "پناهجویان و پناهندگان",
            "Mülteciler",
            "Біженці",
            "Беженцы",
        ),
    ),
    ("children", ("Kinder", "Children", "الأطفال", "کودکان", "Çocuklar", "Діти", "Дети")),
    (
        "youth",
        (
            "Jugendliche",
            "Young people",
            "اليافعون والشباب",
            "نوجوانان و جوانان",
            "Gençler",
            "Підлітки й молодь",
            "Подростки и молодёжь",
        ),
    ),
    ("families", ("Familien", "Families", "الأسر", "خانواده‌ها", "Aileler", "Сім’ї", "Семьи")),
    (
        "older-people",
        (
            "Ältere Menschen",
            "Older people",
            "كبار السن",
            "سالمندان",
            "Yaşlı bireyler",
            "Люди похилого віку",
            "Пожилые люди",
        ),
    ),
    (
        "lgbtqi",
        (
            "LSBTIQ*",
            "LGBTQI+",
            "مجتمع الميم (LGBTQI+)",
            "دگرباشان جنسی (LGBTQI+)",
            "LGBTİ+",
            "ЛГБТКІ+",
            "ЛГБТКИ+",
        ),
    ),
    (
        "disabilities",
        (
            "Menschen mit Behinderung",
            "People with disabilities",
            "الأشخاص ذوو الإعاقة",
            "افراد دارای معلولیت",
            "Engelli bireyler",
            "Люди з інвалідністю",
            "Люди с инвалидностью",
        ),
    ),
    (
        "newcomers",
        (
            "Neuzugewanderte",
            "Newcomers",
            "القادمون والقادمات الجدد",
            "تازه‌واردان",
            "Yeni gelenler",
            "Новоприбулі",
            "Недавно прибывшие",
        ),
    ),
    (
        "students",
        (
            "Studierende",
            "Students",
            "طلاب وطالبات الجامعات",
            "دانشجویان",
            "Üniversite öğrencileri",
            "Студенти",
            "Студенты",
        ),
    ),
    (
        "job-seekers",
        (
            "Arbeitsuchende",
            "Job seekers",
            "الباحثون والباحثات عن عمل",
            "جویندگان کار",
            "İş arayanlar",
            "Люди, які шукають роботу",
            "Ищущие работу",
        ),
    ),
    (
        "organisations",
        (
            "Organisationen",
            "Organisations",
            "المنظمات",
            "سازمان‌ها",
            "Kuruluşlar",
            "Організації",
            "Организации",
        ),
    ),
]

ORGANISATION_KINDS: list[tuple[str, Names]] = [
    (
        "association",
        (
            "Eingetragener Verein",
            "Registered association",
            "جمعية مسجّلة (e. V.)",
            "انجمن ثبت‌شده (e. V.)",
            "Tescilli dernek (e. V.)",
            "Зареєстроване товариство (e. V.)",
            "Зарегистрированное общество (e. V.)",
        ),
    ),
    (
        "initiative",
        (
            "Initiative",
            "Initiative",
            "مبادرة",
            "ابتکار مدنی",
            "Girişim",
            "Ініціатива",
            "Инициатива",
        ),
    ),
    (
        "network",
        (
            "Informelles Netzwerk",
            "Informal network",
            "شبكة غير رسمية",
            "شبکهٔ غیررسمی",
            "Gayriresmî ağ",
            "Неформальна мережа",
            "Неформальная сеть",
        ),
    ),
    (
        "non-profit-company",
        (
            "Gemeinnützige GmbH",
            "Non-profit company",
            "شركة غير ربحية ذات مسؤولية محدودة (gGmbH)",
            "شرکت غیرانتفاعی با مسئولیت محدود (gGmbH)",
            "Kâr amacı gütmeyen limited şirket (gGmbH)",
            "Неприбуткове ТОВ (gGmbH)",
            "Некоммерческое ООО (gGmbH)",
        ),
    ),
    (
        "public-office",
        (
            "Öffentliche Stelle",
            "Public office",
            "جهة حكومية",
            "نهاد دولتی",
            "Kamu kurumu",
            "Державна установа",
            "Государственное учреждение",
        ),
    ),
    (
        "welfare",
        (
            "Wohlfahrtsverband",
            "Welfare organisation",
            "منظمة رعاية اجتماعية",
            "سازمان رفاه اجتماعی",
            "Sosyal yardım kuruluşu",
            "Об’єднання соціальної допомоги",
            "Объединение социальной помощи",
        ),
    ),
    ("other", ("Sonstige", "Other", "أخرى", "سایر", "Diğer", "Інше", "Другое")),
]

OFFER_KINDS: list[tuple[str, Names]] = [
    (
        "counselling",
        (
            "Beratung",
            "Counselling",
            "استشارة",
            "مشاوره",
            "Danışmanlık",
            "Консультації",
            "Консультация",
        ),
    ),
    ("course", ("Kurs", "Course", "دورة تعليمية", "دورهٔ آموزشی", "Kurs", "Курс", "Курс")),
    (
        "peer-group",
        (
            "Selbsthilfegruppe",
            "Peer-support group",
            "مجموعة دعم ذاتي",
            "گروه خودیاری",
            "Öz yardım grubu",
            "Група самодопомоги",
            "Группа самопомощи",
        ),
    ),
    (
        "meeting-place",
        (
            "Treffpunkt",
            "Meeting place",
            "مكان لقاء",
            "محل دیدار",
            "Buluşma yeri",
            "Місце зустрічей",
            "Место встреч",
        ),
    ),
    (
        "mentoring",
        (
            "Mentoring",
            "Mentoring",
            "الإرشاد الفردي",
            "منتورینگ",
            "Mentorluk",
            "Менторство",
            "Наставничество",
        ),
    ),
    (
        "culture",
        (
            "Kulturangebot",
            "Cultural programme",
            "نشاط ثقافي",
            "برنامهٔ فرهنگی",
            "Kültürel program",
            "Культурна програма",
            "Культурная программа",
        ),
    ),
    (
        "translation",
        (
            "Sprachmittlung",
            "Translation help",
            "المساعدة في الترجمة",
            "کمک در ترجمه",
            "Tercüme desteği",
            "Допомога з перекладом",
            "Помощь с переводом",
        ),
    ),
    (
        "homework",
        (
            "Hausaufgabenhilfe",
            "Homework help",
            "المساعدة في الواجبات المدرسية",
            "کمک در تکالیف مدرسه",
            "Ödev yardımı",
            "Допомога з домашніми завданнями",
            "Помощь с домашними заданиями",
        ),
    ),
    (
        "sport",
        (
            "Sportangebot",
            "Sports",
            "نشاط رياضي",
            "برنامهٔ ورزشی",
            "Spor etkinliği",
            "Спортивні заняття",
            "Спортивные занятия",
        ),
    ),
    (
        "information",
        (
            "Informationsveranstaltung",
            "Information session",
            "جلسة إعلامية",
            "جلسهٔ اطلاع‌رسانی",
            "Bilgilendirme toplantısı",
            "Інформаційний захід",
            "Информационное мероприятие",
        ),
    ),
]

# The languages most organisations here speak (ISO 639 codes; names from CLDR). The vocabulary
# holds every language CLDR knows besides (organisations.language_names.known_language_codes).
COMMON_LANGUAGES = [
    "de", "en", "ar", "tr", "uk", "ru", "fa", "prs", "ps", "ti", "kmr", "ckb", "pl", "ro", "bg",
    "vi", "fr", "es", "pt", "it", "el", "sr", "hr", "bs", "sq", "mk", "rom", "so", "am", "sw",
    "ha", "yo", "ur", "hi", "bn", "ta", "zh", "ko", "ja", "th", "tl", "he", "hy", "ka", "az",
    "ku", "sgn-de", "lt", "lv", "cs", "wo", "tw",
]  # fmt: skip
