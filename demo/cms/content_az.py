"""The demo's pages in Azerbaijani (see content_en.py)."""

HOME = {
    "title": "Sorğu",
    "intro": (
        "<p>Sorğu hər kəsə “İnformasiya əldə etmək haqqında” Qanuna əsasən Azərbaycanın dövlət "
        "qurumlarından informasiya istəməyə, hər sorğunu qanuni müddətinə görə izləməyə və "
        "başqalarına artıq verilmiş cavabları oxumağa imkan verir.</p>"
    ),
    "how_to_request": (
        "<ol><li>Hesab yaradın və e-poçt ünvanınızı təsdiqləyin.</li>"
        "<li>İnformasiyaya malik olan qurumu seçin və nə istədiyinizi yazın. Səbəbini "
        "göstərməyə ehtiyac yoxdur.</li>"
        "<li>Qurum 7 iş günü ərzində cavab verməlidir; sorğunu izləyə, gecikmə və ya imtina "
        "olduqda şikayət edə bilərsiniz.</li></ol>"
        '<p><a href="/guide/">Ətraflı bələdçini oxuyun</a></p>'
    ),
}

GUIDE = {
    "title": "Sorğunu necə vermək olar",
    "intro": (
        "<p>Dövlət qurumunda olan informasiyanı hər kəs istəyə bilər: vətəndaş, əcnəbi, "
        "jurnalist və ya təşkilat. Səbəb göstərmək tələb olunmur (maddə 2.2).</p>"
    ),
    "body": [
        ("heading", "Sorğu verməzdən əvvəl"),
        (
            "paragraph",
            "<p>Artıq verilmiş sorğulara və dərc olunmuş açıqlamalara baxın: cavab orada ola "
            "bilər. Qurumlar bəzi informasiyanı sorğu gözləmədən dərc etməlidirlər: statistika, "
            "büdcə və onun icrası, vəzifəli şəxslərin siyahısı, satınalmaların nəticələri və s. "
            "(maddə 29.1).</p>",
        ),
        ("heading", "Sorğunun verilməsi"),
        (
            "steps",
            [
                "<p>Daxil olun və <b>informasiyaya malik olan qurumu</b> seçin. Səhv qurum "
                "seçsəniz, o, sorğunu 5 iş günü ərzində lazımi quruma göndərməli və sizə "
                "bildirməlidir (maddə 23.1).</p>",
                "<p>Cavablandırılmasını istədiyiniz sualı deyil, <b>informasiyanı</b> təsvir "
                "edin: hesabat, müqavilə, müəyyən dövr üçün rəqəmlər. Mümkün qədər dəqiq "
                "yazın.</p>",
                "<p><b>Necə almaq istədiyinizi</b> göstərin: elektron surət, kağız surət, şəxsən "
                "tanışlıq və ya şifahi cavab.</p>",
                "<p>İnformasiya gecikərsə öz əhəmiyyətini itirəcəksə və ya kiminsə həyatına, "
                "sağlamlığına, azadlığına təhlükə varsa, sorğunu <b>təcili</b> qeyd edin və "
                "səbəbini izah edin.</p>",
                "<p>Sorğunun <b>indi açıq, yoxsa on iki ay ərzində bir tarixədək məxfi</b> "
                "olacağını və adınızın necə göstəriləcəyini seçin: öz adınız, təxəllüs və ya "
                "gizli. Əlaqə məlumatlarınız heç vaxt açıq göstərilmir.</p>",
            ],
        ),
        ("heading", "Sonra nə olur"),
        (
            "paragraph",
            "<p>Qurumun cavab vermək üçün <b>7 iş günü</b> vaxtı var; müddət sorğunun qeydə "
            "alındığı gündən sonrakı iş günündən hesablanır (maddə 24.1, 24.5). İnformasiya "
            "əhəmiyyətini itirə bilərsə, 24 saat (maddə 24.2); həyata, sağlamlığa və ya azadlığa "
            "təhlükə olduqda istirahət və bayram günləri nəzərə alınmadan 48 saat (maddə 24.3). "
            "Sorğu aydın deyilsə, qurum 5 iş günü ərzində nəyin çatışmadığını bildirməlidir "
            "(maddə 24.4). Hər sorğunun səhifəsində son tarix və onun necə hesablandığı "
            "göstərilir.</p>",
        ),
        ("heading", "İmtina edildikdə və ya cavab gəlmədikdə"),
        (
            "paragraph",
            "<p>İmtina əsaslandırılmalıdır. Əvvəlcə qurumun rəhbərinə və ya yuxarı qurumuna, "
            "sonra İnsan Hüquqları üzrə Müvəkkilə (Ombudsmana), sonra isə məhkəməyə şikayət "
            "edə bilərsiniz (maddə 42.1). Son tarixdən sonra cavabsızlıq imtina sayılır, ona "
            "görə o zaman da şikayət etmək olar.</p>",
        ),
        (
            "callout",
            {
                "title": "Ödəniş",
                "text": "<p>İnformasiya ilə tanışlıq və əl ilə köçürmə pulsuzdur; digər xərclər "
                "maya dəyərini keçə bilməz (Nazirlər Kabinetinin 26 iyul 2012-ci il tarixli "
                "158 nömrəli Qərarı).</p>",
            },
        ),
    ],
}

LAW = {
    "title": "Qanun haqqında",
    "intro": (
        "<p>“İnformasiya əldə etmək haqqında” Azərbaycan Respublikasının Qanunu (30 sentyabr "
        "2005-ci il, № 1024-IIQ) hər kəsə dövlət qurumlarında olan informasiyanı istəmək "
        "hüququ verir və qurumları informasiyanın bir hissəsini sorğu gözləmədən dərc etməyə "
        "borclu edir. Portalın tətbiq etdiyi qaydalar maddə-maddə aşağıdadır.</p>"
    ),
    "body": [
        ("heading", "Sorğular və cavablar"),
        ("subheading", "Kim cavab verməlidir (maddə 9)"),
        (
            "paragraph",
            "<p>Dövlət orqanları və bələdiyyələr; publik funksiyaları həyata keçirən hüquqi "
            "şəxslər; qanunla və ya müqavilə əsasında təhsil, səhiyyə, mədəniyyət və sosial "
            "xidmətlər göstərən özəl qurumlar.</p>",
        ),
        ("subheading", "Kim və necə istəyə bilər (maddə 2.2)"),
        (
            "paragraph",
            "<p>Hər kəs, birbaşa və ya nümayəndə vasitəsilə, o cümlədən hüquqi şəxslər, səbəb "
            "göstərmədən. Sorğu şifahi (şəxsən, telefonla) və ya yazılı (şəxsən, poçtla, faksla, "
            "e-poçtla) ola bilər. Sorğuda sorğuçunun adı, əlaqə vasitəsi, istənilən informasiya "
            "və üstünlük verilən tanışlıq forması göstərilir.</p>",
        ),
        ("subheading", "Müddətlər (maddə 23–24)"),
        (
            "paragraph",
            "<ul><li>Mümkün qədər tez, ən geci <b>7 iş günü</b> ərzində (maddə 24.1); müddət "
            "qeydiyyatdan sonrakı iş günündən başlayır (maddə 24.5).</li>"
            "<li>İnformasiya əhəmiyyətini itirə bilərsə, dərhal, ən geci <b>24 saat</b> ərzində "
            "(maddə 24.2).</li>"
            "<li>Həyata, sağlamlığa və ya azadlığa təhlükə olduqda istirahət və qeyri-iş bayram "
            "günləri nəzərə alınmadan <b>48 saat</b> ərzində (maddə 24.3).</li>"
            "<li>Natamam və ya aydın olmayan sorğu barədə qurum <b>5 iş günü</b> ərzində "
            "sorğuçuya nəyin çatışmadığını bildirir (maddə 24.4).</li>"
            "<li>İnformasiyaya malik olmayan qurum sorğunu <b>5 iş günü</b> ərzində lazımi "
            "quruma göndərir və sorğuçuya bildirir (maddə 23.1).</li></ul>",
        ),
        (
            "callout",
            {
                "title": "Təsdiqlənməyib",
                "text": "<p>İkinci dərəcəli mənbələrə görə 7 iş günü bir dəfə daha 7 iş günü "
                "uzadıla bilər və sorğuçuya 5 iş günü ərzində bildirilir. Bu qaydanı və onun "
                "maddəsini hələ qanunun mətnində oxumamışıq; portal onu dəyişdirilə bilən məlumat "
                "kimi saxlayır.</p>",
            },
        ),
        ("heading", "İmtina və şikayət"),
        ("subheading", "İmtina və onun əsasları"),
        (
            "paragraph",
            "<p>İnformasiya siyasi, iqtisadi, hərbi, maliyyə-kredit və valyuta siyasəti "
            "sahəsində dövlətin maraqlarını; ictimai qaydanı, sağlamlığı və əxlaqı; başqalarının "
            "hüquq və azadlıqlarını, kommersiya maraqlarını; məhkəmələrin nüfuzunu və "
            "qərəzsizliyini; cinayət işi üzrə ibtidai araşdırmanın normal gedişini qorumaq üçün "
            "məhdudlaşdırıla bilər (maddə 2.4-1). Sağlamlıq, şəxsi keyfiyyətlər, sosial yardım "
            "müraciətləri, vergi (vergi borcları istisna olmaqla) və ailə həyatı haqqında şəxsi "
            "məlumatlar qorunur (maddə 38). Xidməti istifadə üçün informasiya maddə 41 ilə "
            "qorunur. Açıq hissə ayrıla bilirsə, verilməlidir (maddə 19.1.5). İmtinada əsaslar "
            "və şikayət qaydası göstərilməlidir: Avropa İnsan Hüquqları Məhkəməsi heç bir "
            "əsaslı səbəb göstərilmədiyi halda pozuntu müəyyən edib (Rövşən Hacıyev "
            "Azərbaycana qarşı, 2021).</p>"
            "<p>Hər əsas üzrə onun nə vaxt tətbiq olunmadığı və şikayətdə nə yazmaq olar: "
            '<a href="/laws/az/">əsaslar və onlara necə etiraz etmək</a>.</p>',
        ),
        ("subheading", "Şikayət (maddə 42.1)"),
        (
            "paragraph",
            "<p>Qurumun rəhbərinə və ya yuxarı qurumuna; sonra şikayəti 10 iş günü ərzində "
            "(daha 10 gün uzadıla bilər) araşdıran İnsan Hüquqları üzrə Müvəkkilə "
            "(Ombudsmana); sonra məhkəməyə. Ombudsman konkret qurumu göstərməyən, barəsində "
            "qüvvədə olan məhkəmə qərarı olan və ya qurumun öz imkanlarından keçməyən şikayəti "
            "araşdırmır.</p>",
        ),
        ("heading", "Dərc və ödəniş"),
        ("subheading", "Sorğu gözləmədən dərc (maddə 29.1, 30.1)"),
        (
            "paragraph",
            "<p>Qurumlar, o cümlədən, bunları dərc etməlidir: topladıqları və ya "
            "ümumiləşdirdikləri statistika; büdcə proqnozları və onların icrası; struktur "
            "bölmələrin əsasnamələri; təlimatlar; vəzifəli şəxslərin adları, telefonları, "
            "e-poçt ünvanları, təhsili və ixtisası ilə siyahısı; fəaliyyət hesabatları; "
            "həmkarlar ittifaqı və əməkdaşlıq şəbəkələri rəhbərlərinin əlaqə məlumatları; "
            "satınalmaların şərtləri və nəticələri, mülkiyyət hüquqlarında dəyişikliklər; "
            "kreditlər və qrantlar, onların şərtləri və istifadəsi; təsdiqə göndərilən "
            "normativ akt layihələri (maddə 29.1). Dövlət büdcəsindən maliyyələşən qurumlar "
            "illik maliyyə məlumatlarını növbəti ilin 30 aprelinədək internetdə dərc edir "
            "(maddə 30.1). Portal hər qurum üzrə bunlardan hansının dərc olunduğunu və aktual "
            "olduğunu göstərir.</p>",
        ),
        ("subheading", "Ödəniş"),
        (
            "paragraph",
            "<p>Tanışlıq və əl ilə köçürmə pulsuzdur; digər xərclər maya dəyəri ilə "
            "məhdudlaşır (Nazirlər Kabinetinin 26 iyul 2012-ci il tarixli 158 nömrəli "
            "Qərarı).</p>",
        ),
    ],
}

PRIVACY = {
    "title": "Məxfilik bildirişi",
    "intro": (
        "<p>Bu bildiriş Sorğunun sizin haqqınızda nə saxladığını, bunu kimin gördüyünü və "
        "nə üçün saxladığını izah edir. O, “Fərdi məlumatlar haqqında” Azərbaycan "
        "Respublikasının Qanununu tətbiq edir.</p>"
    ),
    "body": [
        ("heading", "Nə saxlayırıq"),
        (
            "paragraph",
            "<p>E-poçt ünvanınız və parolunuz (birtərəfli heş kimi); verdiyiniz ad, poçt ünvanı, "
            "telefon və təşkilat; sorğularınız, mesajlarınız və fayllarınız; sorğu üzrə atılan "
            "hər addımın kim tərəfindən və nə vaxt atıldığına dair qeyd.</p>",
        ),
        ("heading", "Kim görür"),
        (
            "paragraph",
            "<ul><li><b>Hər kəs</b> açıq sorğunu, ictimaiyyət üçün nəzərdə tutulmuş mesajları, "
            "qurumun dərc üçün təsdiqlədiyi faylları və seçdiyiniz kimi adınızı görür: əsl "
            "adınız, təxəllüs və ya gizli.</li>"
            "<li><b>Yalnız tərəflər</b> (siz, qurumun məmurları və şikayətinizə baxan qurum) "
            "əlaqə məlumatlarınızı, təxəllüs seçdiyiniz halda əsl adınızı, tərəflər üçün "
            "mesajları və təsdiqlənməmiş faylları görür.</li>"
            "<li><b>Məxfi</b> sorğunu təyin etdiyiniz tarixədək (ən çoxu on iki ay) yalnız "
            "tərəflər görür; sonra o açıq olur.</li>"
            "<li>Qurumun <b>daxili qeydlərini</b> yalnız onun məmurları görür.</li></ul>",
        ),
        ("heading", "Açıqlanmış cavablar jurnalı"),
        (
            "paragraph",
            "<p>Hamı üçün maraqlı olan cavab jurnalda dərc oluna bilər. Yalnız açıq cavab və "
            "onun təsdiqlənmiş faylları köçürülür, əlaqə məlumatlarınız heç vaxt; hər qeydi "
            "redaktor yoxlayır, moderator dərc edir.</p>",
        ),
        ("heading", "Hüquqlarınız"),
        (
            "paragraph",
            "<p>Haqqınızda saxlanılan məlumatları görə, düzəldə və hesabınızı bağlaya "
            "bilərsiniz. Sorğuların qeydi saxlanılır, çünki bu, qurumlardan nə soruşulduğunun "
            "və necə cavab verildiyinin ictimai qeydidir; bağlanmış hesabın adı neytral "
            "işarə ilə əvəz olunur.</p>",
        ),
        (
            "callout",
            {
                "title": "E-poçt",
                "text": "<p>Sorğularınız və izlədiyiniz sorğular barədə bildirişlər göndəririk. "
                "Hər birində onları necə dayandırmaq yazılıb.</p>",
            },
        ),
    ],
}

HUB = {
    "title": "Proaktiv açıqlama",
    "intro": (
        "<p>Dövlət qurumlarının sorğu gözləmədən dərc etdiyi informasiya (Qanunun 29.1-ci "
        "maddəsi) və dövlət büdcəsindən maliyyələşən qurumların ötən ilin maliyyə "
        "məlumatlarını 30 aprelədək dərc edib-etmədiyi (maddə 30.1).</p>"
    ),
}

LOG = {
    "title": "Açıqlanmış cavablar jurnalı",
    "intro": (
        "<p>Hamının oxumağa dəyər sorğu cavabları, qurumların təqdim etdiyi sənədlərlə "
        "birlikdə. Hər biri öz sorğusuna keçid verir.</p>"
    ),
}

# Altlıqdakı səhifələr (ana səhifənin bölmələri arasında göstərilmir).
ABOUT = {
    "title": "Sorğu haqqında",
    "intro": (
        "<p>Sorğu informasiya sorğuları üçün açıq mənbəli portaldır. O, Azərbaycanın "
        "“İnformasiya əldə etmək haqqında” Qanununu işlək edir: hər kəs dövlət orqanından "
        "informasiya istəyə, sorğunu qanuni son tarixə qədər izləyə və başqalarına verilən "
        "cavabları oxuya bilər.</p>"
    ),
    "body": [
        ("heading", "Portal nə edir"),
        (
            "paragraph",
            "<ul><li>Sorğunuzu orqana göndərir və bütün yazışmanı bir yerdə saxlayır.</li>"
            "<li>Son tarixi qanuna əsasən hesablayır və necə hesablandığını göstərir.</li>"
            "<li>Son tarixdən əvvəl orqana xatırladır, tarix keçəndə isə sizə bildirir ki, "
            "şikayət verə biləsiniz.</li><li>Sorğuları və cavabları dərc edir ki, eyni sualı "
            "ikinci dəfə vermək lazım olmasın.</li><li>Hər orqanın necə cavab verdiyini "
            "sayır: vaxtında, gecikməklə və ya imtina ilə.</li></ul>",
        ),
        ("heading", "Portalı kim idarə edir"),
        (
            "paragraph",
            "<p>Bu, uydurma sorğular və hesablarla nümayiş saytıdır. Real quraşdırmada onu "
            "idarə edən təşkilatın adı burada göstərilir. Mənbə kodunu hər kəs oxuya, işlədə "
            "və təkmilləşdirə bilər.</p>",
        ),
    ],
}

CONTACT = {
    "title": "Əlaqə",
    "intro": (
        "<p>Portalın özü ilə bağlı bizə yazın: işləməyən səhifə, aça bilmədiyiniz hesab, "
        "səhvən dərc olunmuş sorğu.</p>"
    ),
    "body": [
        ("heading", "Bizimlə necə əlaqə saxlamaq olar"),
        (
            "paragraph",
            "<p><b>support@sorgu.example</b> ünvanına yazın. Üç iş günü ərzində cavab veririk.</p>",
        ),
        ("heading", "Nəyə cavab verə bilmirik"),
        (
            "paragraph",
            "<p>Orqandan istədiyiniz informasiya bizdə deyil və onun əvəzinə cavab verə "
            "bilmirik. Orqana sorğunuzun səhifəsindən yazın; gecikdikdə və ya imtina edildikdə "
            "şikayəti də oradan verin.</p>",
        ),
        (
            "callout",
            {
                "title": "Təhlükəsizlik problemi",
                "text": "<p>Lütfən, bu barədə açıq yazmayın. <b>security@sorgu.example</b> "
                "ünvanına nə etdiyinizi və nə gördüyünüzü yazın.</p>",
            },
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Əlçatanlıq bəyanatı",
    "intro": (
        "<p>İstəyirik ki, Sorğudan hər kəs istifadə edə bilsin: telefonda və ya kompüterdə, "
        "klaviatura, ekran oxuyucusu ilə və ya böyüdülmüş mətnlə. Bu bəyanat harada "
        "olduğumuzu və hələ nəyin işləmədiyini göstərir.</p>"
    ),
    "body": [
        ("heading", "Portal nə dərəcədə əlçatandır"),
        (
            "paragraph",
            "<p>Məqsədimiz Veb Məzmunun Əlçatanlığı Təlimatlarının (WCAG) 2.2 versiyasının AA "
            "səviyyəsinə uyğun olmaqdır. Portal onlara qismən uyğundur. Səhifələr JavaScript "
            "olmadan işləyir, yalnız klaviatura ilə istifadə oluna bilir, məzmuna keçid "
            "bağlantısı var və 320 piksel enində ekrana yana sürüşdürmədən sığır. Hər dəyişiklik "
            "real brauzerdə axe-core ilə avtomatik yoxlanılır.</p>",
        ),
        ("heading", "Hələ nəyin işləmədiyi məlumdur"),
        (
            "paragraph",
            "<ul><li>Bəzi formalar (hesab səhifələri, sorğu vermə addımları) səhvləri hələ "
            "səhifənin yuxarısında xülasə şəklində göstərmir; hər səhv öz sahəsinin yanında "
            "göstərilir.</li><li>Statistika səhifələrindəki qrafiklər ekran oxuyucularına tam "
            "təsvir olunmur; eyni rəqəmləri CSV faylı kimi yükləmək olar.</li><li>Dövlət "
            "orqanlarının dərc etdiyi sənədlərdə, çox vaxt skan edilmiş PDF fayllarında, oxuna "
            "bilən mətn olmaya bilər. Onları dəyişə bilmirik; əlçatan nüsxəni orqandan sorğu "
            "ilə istəyin.</li><li>Məmurlar üçün iş sahəsi hələ ictimai səhifələr qədər ətraflı "
            "yoxlanılmayıb.</li><li>Portal hələ ekran oxuyucularından hər gün istifadə edən "
            "insanlar tərəfindən sınaqdan keçirilməyib.</li></ul>",
        ),
        ("heading", "Problem barədə bizə xəbər verin"),
        (
            "paragraph",
            "<p>Nəsə sizin üçün işləmirsə, <b>support@sorgu.example</b> ünvanına yazın: hansı "
            "səhifə olduğunu və nə baş verdiyini bildirin. Üç iş günü ərzində cavab veririk və "
            "düzələndə sizə xəbər veririk.</p>",
        ),
    ],
}
