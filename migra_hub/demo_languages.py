"""Demo texts in several languages: what organisations write in their own languages.

Fictional, like the rest of the demo data. Kept in one place so that people who speak the
languages can review them together. Each app's demo applies them to its entries (by the German
text they stand beside), so ``make run`` shows versions, originals in other languages and the
"available in ... only" notes.
"""

from __future__ import annotations

# Versions of the demo organisations' German descriptions (organisations/demo.py).
DESCRIPTION_VERSIONS: dict[str, dict[str, str]] = {
    "Wir beraten Familien in ihrer Herkunftssprache und begleiten sie zu Ämtern.": {
        "en": "We advise families in their first language and accompany them to public offices.",
        "ar": "نقدّم الاستشارة للعائلات بلغتها الأم ونرافقها إلى الدوائر الحكومية.",
        "tr": "Ailelere kendi ana dillerinde danışmanlık yapıyor, resmî dairelere "
        "giderken onlara eşlik ediyoruz.",
        "uk": "Ми консультуємо родини їхньою рідною мовою та супроводжуємо їх до установ.",
    },
    "Ehrenamtliche organisieren Hausaufgabenhilfe, Sprachcafés und Ausflüge.": {
        "en": "Volunteers organise homework help, language cafés and outings.",
        "ar": "ينظّم متطوعون ومتطوعات المساعدة في الواجبات المدرسية ومقاهي اللغة والرحلات.",
        "tr": "Gönüllülerimiz ödev yardımı, dil kafeleri ve geziler düzenliyor.",
        "uk": "Волонтерки й волонтери організовують допомогу з домашніми завданнями, "
        "мовні кафе та екскурсії.",
    },
    "Wir stärken Frauen durch Peer-Beratung, Kurse und einen offenen Treffpunkt.": {
        "en": "We empower women through peer counselling, courses and an open meeting place.",
        "ar": "نعزّز قدرات النساء من خلال الاستشارة بين الأقران والدورات وملتقى مفتوح.",
        "tr": "Akran danışmanlığı, kurslar ve herkese açık bir buluşma noktasıyla kadınları "
        "güçlendiriyoruz.",
        "uk": "Ми підтримуємо жінок: консультації «рівна — рівній», курси та відкритий "
        "простір для зустрічей.",
    },
    "Unser Verein bietet Kulturveranstaltungen, Musik und Literatur aus der Heimat.": {
        "en": "Our association offers cultural events, music and literature from our home "
        "countries.",
        "ar": "تقدّم جمعيتنا فعاليات ثقافية وموسيقى وأدبًا من بلداننا الأصلية.",
        "tr": "Derneğimiz memleketimizden kültür etkinlikleri, müzik ve edebiyat sunuyor.",
        "uk": "Наше об’єднання пропонує культурні заходи, музику та літературу з батьківщини.",
    },
    "Wir unterstützen Jugendliche beim Übergang von der Schule in Ausbildung und Beruf.": {
        "en": "We support young people on their way from school to vocational training and work.",
        "ar": "ندعم الشباب والشابات في الانتقال من المدرسة إلى التدريب المهني وسوق العمل.",
        "tr": "Gençleri okuldan mesleki eğitime ve iş hayatına geçişte destekliyoruz.",
        "uk": "Ми підтримуємо молодь на шляху від школи до професійного навчання та роботи.",
    },
    "Beratung zu Asyl und Aufenthalt sowie Begleitung bei Anhörungen.": {
        "en": "Counselling on asylum and residence, and accompaniment to hearings.",
        "ar": "استشارات حول اللجوء والإقامة، ومرافقة خلال جلسات الاستماع.",
        "tr": "İltica ve oturum izni konularında danışmanlık, mülakatlarda refakat.",
        "uk": "Консультації щодо притулку та права на перебування, супровід на співбесіди.",
    },
    "Antidiskriminierungsberatung und Empowerment-Workshops.": {
        "en": "Anti-discrimination counselling and empowerment workshops.",
        "ar": "استشارات لمناهضة التمييز وورش عمل للتمكين.",
        "tr": "Ayrımcılığa karşı danışmanlık ve güçlendirme atölyeleri.",
        "uk": "Консультації з протидії дискримінації та тренінги з самоспроможності.",
    },
}

# Organisations that write in their own language first: the original and its German version,
# by the organisation's base name (organisations/demo.py, NAME_PARTS).
OWN_LANGUAGE_ORIGINALS: dict[str, tuple[str, str, str]] = {
    "Ukrainische Gemeinschaft": (
        "uk",
        "Ми — громада українок і українців у Берліні. Допомагаємо новоприбулим шукати "
        "житло, школу й роботу, консультуємо щодо документів, а щосуботи збираємося на "
        "розмовний клуб німецької мови.",
        "Wir sind eine Gemeinschaft von Ukrainerinnen und Ukrainern in Berlin. Wir helfen "
        "Neuangekommenen bei der Suche nach Wohnung, Schule und Arbeit, beraten zu Dokumenten "
        "und treffen uns jeden Samstag zum deutschen Gesprächskreis.",
    ),
    "Arabisches Frauenforum": (
        "ar",
        "منتدى للنساء الناطقات بالعربية في برلين: نلتقي كل أسبوع لتبادل الخبرات، ونقدّم "
        "دورات في اللغة الألمانية واستشارات حول التعليم والعمل، مع رعاية للأطفال أثناء "
        "اللقاءات.",
        "Ein Forum für arabischsprachige Frauen in Berlin: Wir treffen uns jede Woche zum "
        "Austausch und bieten Deutschkurse sowie Beratung zu Bildung und Arbeit an, mit "
        "Kinderbetreuung während der Treffen.",
    ),
    "Türkisch-Deutsche Elternschaft": (
        "tr",
        "Türkçe konuşan velilerin derneğiyiz. Veli toplantılarına birlikte hazırlanıyor, "
        "okul sistemi hakkında bilgi veriyor ve her ay veli kahvaltısı düzenliyoruz.",
        "Wir sind ein Verein türkischsprachiger Eltern. Wir bereiten uns gemeinsam auf "
        "Elternabende vor, informieren über das Schulsystem und laden jeden Monat zum "
        "Elternfrühstück ein.",
    ),
}

# Versions of the demo offers' titles (organisations/demo.py, OFFER_TITLES).
OFFER_TITLE_VERSIONS: dict[str, dict[str, str]] = {
    "Sozialberatung": {
        "en": "Social counselling",
        "ar": "استشارات اجتماعية",
        "fa": "مشاوره اجتماعی",
        "tr": "Sosyal danışmanlık",
        "uk": "Соціальні консультації",
        "ru": "Социальные консультации",
    },
    "Beratung für Frauen": {
        "en": "Counselling for women",
        "ar": "استشارات للنساء",
        "fa": "مشاوره برای زنان",
        "tr": "Kadınlar için danışmanlık",
        "uk": "Консультації для жінок",
        "ru": "Консультации для женщин",
    },
    "Deutschkurs für Anfängerinnen": {
        "en": "German course for women beginners",
        "ar": "دورة لغة ألمانية للمبتدئات",
        "fa": "کلاس زبان آلمانی برای زنان مبتدی",
        "tr": "Yeni başlayan kadınlar için Almanca kursu",
        "uk": "Курс німецької мови для початківиць",
        "ru": "Курс немецкого языка для начинающих женщин",
    },
    "Elterncafé": {
        "en": "Parents’ café",
        "ar": "مقهى الأهالي",
        "fa": "کافه والدین",
        "tr": "Veli kafesi",
        "uk": "Кафе для батьків",
        "ru": "Кафе для родителей",
    },
    "Offener Treff": {
        "en": "Drop-in meeting place",
        "ar": "ملتقى مفتوح",
        "fa": "دورهمی آزاد",
        "tr": "Açık buluşma",
        "uk": "Відкриті зустрічі",
        "ru": "Открытые встречи",
    },
    "Ausbildungspatenschaften": {
        "en": "Mentoring during vocational training",
        "ar": "إرشاد خلال التدريب المهني",
        "fa": "همراهی و راهنمایی در دوره آموزش حرفه‌ای",
        "tr": "Mesleki eğitimde mentorluk",
        "uk": "Наставництво під час професійного навчання",
        "ru": "Наставничество во время профессионального обучения",
    },
    "Lesungen und Musikabende": {
        "en": "Readings and music evenings",
        "ar": "أمسيات قراءة وموسيقى",
        "fa": "شب‌های کتاب‌خوانی و موسیقی",
        "tr": "Okuma ve müzik akşamları",
        "uk": "Літературні читання та музичні вечори",
        "ru": "Литературные чтения и музыкальные вечера",
    },
    "Begleitung zu Ämtern": {
        "en": "Accompaniment to public offices",
        "ar": "مرافقة إلى الدوائر الحكومية",
        "fa": "همراهی در مراجعه به ادارات",
        "tr": "Resmî dairelere refakat",
        "uk": "Супровід до установ",
        "ru": "Сопровождение в учреждения",
    },
    "Hausaufgabenhilfe": {
        "en": "Homework help",
        "ar": "مساعدة في الواجبات المدرسية",
        "fa": "کمک در انجام تکالیف",
        "tr": "Ödev yardımı",
        "uk": "Допомога з домашніми завданнями",
        "ru": "Помощь с домашними заданиями",
    },
    "Fußball für Mädchen": {
        "en": "Football for girls",
        "ar": "كرة القدم للفتيات",
        "fa": "فوتبال برای دختران",
        "tr": "Kızlar için futbol",
        "uk": "Футбол для дівчат",
        "ru": "Футбол для девочек",
    },
}

# Versions of the demo networks' goals (networks/demo.py), by the network's slug.
NETWORK_GOAL_VERSIONS: dict[str, dict[str, str]] = {
    "netzwerk-mehrsprachigkeit-pankow": {
        "en": "Counselling and education in Pankow should be available in the languages of "
        "the people who live here.",
        "ar": "يجب أن تكون الاستشارة والتعليم في بانكوف متاحين بلغات الناس الذين يعيشون فيها.",
        "tr": "Pankow’daki danışmanlık ve eğitim hizmetlerine insanlar kendi dillerinde "
        "ulaşabilmeli.",
        "uk": "Консультації та освіта в Панкові мають бути доступні мовами людей, які тут живуть.",
    },
    "peer-netzwerk-frauen-starken": {
        "ar": "تتبادل النساء في منظمات المهاجرين الدعم: طلبات التمويل، والتواصل مع "
        "الصحافة، والقاعات.",
        "tr": "Göçmen örgütlerindeki kadınlar birbirini destekliyor: hibe başvuruları, basınla "
        "ilişkiler, mekânlar.",
        "uk": "Жінки в організаціях мігрантів підтримують одна одну: заявки на фінансування, "
        "контакти з пресою, приміщення.",
    },
}

# Versions of the demo events' shared German description (events/demo.py).
EVENT_DESCRIPTION_VERSIONS: dict[str, str] = {
    "en": "We invite migrant organisations, initiatives and the administration to talk "
    "together about what the district needs. Taking part is free of charge.",
    "ar": "ندعو منظمات المهاجرين والمبادرات والإدارة إلى الحديث معًا عن احتياجات الحي. "
    "المشاركة مجانية.",
    "tr": "Göçmen örgütlerini, girişimleri ve idareyi, ilçenin ihtiyaçlarını birlikte "
    "konuşmaya davet ediyoruz. Katılım ücretsizdir.",
    "uk": "Запрошуємо організації мігрантів, ініціативи та адміністрацію разом обговорити "
    "потреби району. Участь безкоштовна.",
}

# Versions of some demo events' titles (events/demo.py, TITLES).
EVENT_TITLE_VERSIONS: dict[str, dict[str, str]] = {
    "Runder Tisch Migrantinnen": {
        "en": "Round table of migrant women",
        "ar": "طاولة مستديرة للنساء المهاجرات",
        "tr": "Göçmen kadınlar yuvarlak masası",
        "uk": "Круглий стіл жінок-мігранток",
    },
    "Infoabend Ausbildung": {
        "en": "Information evening on vocational training",
        "ar": "أمسية معلومات حول التدريب المهني",
        "tr": "Mesleki eğitim bilgilendirme akşamı",
        "uk": "Інформаційний вечір про професійне навчання",
    },
    "Nachbarschaftsfest": {
        "en": "Neighbourhood party",
        "ar": "احتفال الجيران",
        "tr": "Komşuluk şenliği",
        "uk": "Сусідське свято",
    },
}
