"""The demo's pages in English. Facts about the law come from docs/law-az.md; what it marks as not
yet read in the law's text is said to be unconfirmed."""

HOME = {
    "title": "Sorğu",
    "intro": (
        "<p>Sorğu lets anyone ask Azerbaijan's public bodies for information under the Law "
        "“On the Right to Obtain Information”, follow each request against its legal deadline, "
        "and read what others have already been told.</p>"
    ),
    "how_to_request": (
        "<ol><li>Create an account and confirm your e-mail address.</li>"
        "<li>Choose the public body that holds the information and describe what you want. "
        "You do not have to say why.</li>"
        "<li>The body must answer within 7 working days; you can follow the request and appeal "
        "if it is late or refused.</li></ol>"
        '<p><a href="/guide/">Read the full guide</a></p>'
    ),
}

GUIDE = {
    "title": "How to make a request",
    "intro": (
        "<p>Anyone may ask for information held by a public body: a citizen, a foreigner, "
        "a journalist or an organisation. You do not need to give a reason (Art. 2.2).</p>"
    ),
    "body": [
        ("heading", "Before you ask"),
        (
            "paragraph",
            "<p>Search the requests and the disclosures already published: the answer may be "
            "there. Bodies must publish some information without being asked, such as "
            "statistics, budgets and their execution, staff lists and procurement results "
            "(Art. 29.1).</p>",
        ),
        ("heading", "Making the request"),
        (
            "steps",
            [
                "<p>Sign in and choose <b>the body that holds the information</b>. If you pick "
                "the wrong one, it must forward your request to the right body within 5 working "
                "days and tell you (Art. 23.1).</p>",
                "<p>Describe <b>the information</b>, not the question you want answered: a "
                "report, a contract, figures for a period. Be as precise as you can.</p>",
                "<p>Say <b>how you want it</b>: an electronic copy, a paper copy, to inspect it "
                "in person, or an oral answer.</p>",
                "<p>If the information would lose its value if it came late, or there is a "
                "threat to someone's life, health or liberty, mark the request <b>urgent</b> "
                "and explain why.</p>",
                "<p>Choose whether your request is <b>public now or private</b> until a date "
                "within twelve months, and how your name is shown: your name, a pseudonym or "
                "withheld. Your contact details are never public.</p>",
            ],
        ),
        ("heading", "What happens next"),
        (
            "paragraph",
            "<p>The body has <b>7 working days</b> to answer, counted from the working day after "
            "it registered your request (Art. 24.1, 24.5); 24 hours when the information would "
            "otherwise lose its value (Art. 24.2), and 48 hours, not counting rest days and "
            "holidays, for a threat to life, health or liberty (Art. 24.3). If your request is "
            "unclear, the body must tell you what is missing within 5 working days (Art. 24.4). "
            "Each request page shows its due date and how it was computed.</p>",
        ),
        ("heading", "If you are refused or get no answer"),
        (
            "paragraph",
            "<p>A refusal must give its grounds. You can appeal first to the head of the body or "
            "its superior body, then to the Commissioner for Human Rights (Ombudsman), then to "
            "a court (Art. 42.1). Silence after the due date counts as a refusal, so you can "
            "appeal then too.</p>",
        ),
        (
            "callout",
            {
                "title": "Fees",
                "text": "<p>Inspecting information and copying it by hand are free; other "
                "charges may not exceed the cost (Cabinet Resolution No. 158 of 26 July 2012).</p>",
            },
        ),
    ],
}

LAW = {
    "title": "The law explained",
    "intro": (
        "<p>The Law of the Republic of Azerbaijan “On the Right to Obtain Information” "
        "(No. 1024-IIQ of 30 September 2005) gives everyone the right to ask for information "
        "held by public bodies and obliges those bodies to publish some of it unasked. "
        "Here is what the portal applies, article by article.</p>"
    ),
    "body": [
        ("heading", "Requests and answers"),
        ("subheading", "Who must answer (Art. 9)"),
        (
            "paragraph",
            "<p>State bodies and municipalities; legal entities performing public functions; and "
            "private bodies that provide education, health, cultural or social services by law "
            "or under a contract.</p>",
        ),
        ("subheading", "Who may ask, and how (Art. 2.2)"),
        (
            "paragraph",
            "<p>Anyone, directly or through a representative, including legal persons, with no "
            "need to give a reason. A request may be oral (in person, by phone) or written (in "
            "person, by post, fax or e-mail). It names the requester, how to reach them, the "
            "information wanted and the preferred form of access.</p>",
        ),
        ("subheading", "Deadlines (Art. 23–24)"),
        (
            "paragraph",
            "<ul><li>As soon as possible, at the latest within <b>7 working days</b> (Art. 24.1), "
            "counted from the working day after registration (Art. 24.5).</li>"
            "<li>At once, at the latest within <b>24 hours</b>, when the information would lose "
            "its value (Art. 24.2).</li>"
            "<li>Within <b>48 hours</b>, not counting rest days and non-working holidays, when "
            "there is a threat to life, health or liberty (Art. 24.3).</li>"
            "<li>Within <b>5 working days</b> the body tells the requester what is missing from "
            "an incomplete or unclear request (Art. 24.4).</li>"
            "<li>Within <b>5 working days</b> a body that does not hold the information forwards "
            "the request to the body that does and tells the requester (Art. 23.1).</li></ul>",
        ),
        (
            "callout",
            {
                "title": "Unconfirmed",
                "text": "<p>Secondary summaries say the 7 working days may be extended once by "
                "another 7, with the requester told within 5 working days. We have not yet read "
                "that rule and its article in the law's text; the portal keeps it as editable "
                "data.</p>",
            },
        ),
        ("heading", "Refusals and appeals"),
        ("subheading", "Refusal and its grounds"),
        (
            "paragraph",
            "<p>Information may be restricted to protect state interests in political, economic, "
            "military, financial-credit and currency policy; public order, health and morality; "
            "the rights, freedoms and commercial interests of others; the authority and "
            "impartiality of the courts; and the normal course of a preliminary criminal "
            "investigation (Art. 2.4-1). Personal data about health, personal traits, social-aid "
            "applications, tax (except tax debts) and family life is protected (Art. 38). "
            "Information for official use only is protected under Art. 41. Where the open part "
            "can be separated, it must be given (Art. 19.1.5). A refusal must state its grounds "
            "and how to appeal: the European Court of Human Rights found a violation where no "
            "substantive grounds were given (Rovshan Hajiyev v. Azerbaijan, 2021).</p>"
            "<p>For each ground, when it does not apply and what to write in an appeal: "
            '<a href="/laws/az/">the grounds and how to challenge them</a>.</p>',
        ),
        ("subheading", "Appeals (Art. 42.1)"),
        (
            "paragraph",
            "<p>To the head of the body or its superior body; then to the Commissioner for Human "
            "Rights (Ombudsman), who examines a complaint within 10 working days, extendable by "
            "10; then to a court. The Ombudsman does not examine a complaint that names no body, "
            "that a court has already decided, or that skipped the body's own avenues.</p>",
        ),
        ("heading", "Publication and fees"),
        ("subheading", "Publishing without being asked (Art. 29.1, 30.1)"),
        (
            "paragraph",
            "<p>Bodies must publish, among others: statistics they collect or summarise; budget "
            "forecasts and their execution; regulations of their structural units; "
            "instructions; the list of officials with their names, phones, e-mail addresses, "
            "education and qualifications; activity reports; contacts of trade-union and "
            "cooperation-network leaders; procurement conditions and results and changes in "
            "property rights; loans and grants, their terms and use; and draft normative acts "
            "sent for approval (Art. 29.1). Bodies financed from the state budget publish their "
            "annual financial data online by 30 April of the next year (Art. 30.1). The portal "
            "shows, for each body, which of these are published and current.</p>",
        ),
        ("subheading", "Fees"),
        (
            "paragraph",
            "<p>Inspection and copying by hand are free; other charges are capped at cost "
            "(Cabinet Resolution No. 158 of 26 July 2012).</p>",
        ),
    ],
}

PRIVACY = {
    "title": "Privacy notice",
    "intro": (
        "<p>This notice says what Sorğu keeps about you, who sees it and why. It applies the "
        "Law of the Republic of Azerbaijan “On Personal Data”.</p>"
    ),
    "body": [
        ("heading", "What we keep"),
        (
            "paragraph",
            "<p>Your e-mail address and password (stored as a one-way hash); the name, postal "
            "address, phone and organisation you give; your requests, messages and files; and a "
            "record of every step taken on a request, with who took it and when.</p>",
        ),
        ("heading", "Who sees it"),
        (
            "paragraph",
            "<ul><li><b>Everyone</b> sees a public request, the messages meant for the public, "
            "files the body approved for publication, and your name as you chose to show it: "
            "your real name, a pseudonym, or withheld.</li>"
            "<li><b>Only the parties</b> (you, the body's officers, and a body reviewing your "
            "appeal) see your contact details, your real name when you chose a pseudonym, "
            "messages for the parties, and files not approved.</li>"
            "<li>A <b>private</b> request is seen only by the parties until the date you set, "
            "at most twelve months ahead; then it becomes public.</li>"
            "<li>The body's <b>internal notes</b> are seen by its officers only.</li></ul>",
        ),
        ("heading", "The disclosure log"),
        (
            "paragraph",
            "<p>An answer worth reading by everyone may be published in the disclosure log. Only "
            "the public answer and its approved files are copied, never your contact details; "
            "an editor reviews each entry and a moderator publishes it.</p>",
        ),
        ("heading", "Your rights"),
        (
            "paragraph",
            "<p>You may see and correct the data we keep about you and close your account. The "
            "record of requests is kept, because it is the public record of what bodies were "
            "asked and answered; a closed account's name is replaced by a neutral label.</p>",
        ),
        (
            "callout",
            {
                "title": "E-mail",
                "text": "<p>We send you notices about your requests and the ones you follow. "
                "Each one says how to stop them.</p>",
            },
        ),
    ],
}

HUB = {
    "title": "Proactive disclosures",
    "intro": (
        "<p>What public bodies publish without being asked (Art. 29.1 of the law), and whether "
        "state-funded bodies published last year's financial data by 30 April (Art. 30.1).</p>"
    ),
}

LOG = {
    "title": "Disclosure log",
    "intro": (
        "<p>Answers to requests that are worth reading by everyone, with the documents the "
        "bodies released. Each links to its request.</p>"
    ),
}

# The footer's pages (not listed among the home page's sections).
ABOUT = {
    "title": "About Sorğu",
    "intro": (
        "<p>Sorğu is an open-source portal for requests for information. It puts Azerbaijan's "
        "Law “On the Right to Obtain Information” to work: anyone can ask a public body for "
        "information, follow the request against its legal deadline and read what others "
        "have been told.</p>"
    ),
    "body": [
        ("heading", "What the portal does"),
        (
            "paragraph",
            "<ul><li>Sends your request to the body and keeps the whole exchange in one "
            "place.</li><li>Computes the deadline from the law and shows how it was "
            "computed.</li><li>Reminds bodies before the deadline and tells you when it has "
            "passed, so that you can appeal.</li><li>Publishes requests and answers, so that "
            "the same question need not be asked twice.</li><li>Counts how each body answers: "
            "on time, late or refused.</li></ul>",
        ),
        ("heading", "Who runs it"),
        (
            "paragraph",
            "<p>This is a demonstration site with made-up requests and accounts. A real "
            "deployment names the organisation that runs it here. The source code is free for "
            "anyone to read, run and improve.</p>",
        ),
    ],
}

CONTACT = {
    "title": "Contact",
    "intro": (
        "<p>Write to us about the portal itself: a page that does not work, an account you "
        "cannot open, a request published by mistake.</p>"
    ),
    "body": [
        ("heading", "How to reach us"),
        (
            "paragraph",
            "<p>E-mail <b>support@sorgu.example</b>. We answer within three working days.</p>",
        ),
        ("heading", "What we cannot answer"),
        (
            "paragraph",
            "<p>We do not hold the information you asked a body for and cannot answer for it. "
            "Write to the body through your request's page, and appeal there if it is late or "
            "refused.</p>",
        ),
        (
            "callout",
            {
                "title": "A security problem",
                "text": "<p>Please do not report it in public. Write to "
                "<b>security@sorgu.example</b> and say what you did and what you saw.</p>",
            },
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "intro": (
        "<p>We want everyone to be able to use Sorğu: on a phone or a computer, with a "
        "keyboard, a screen reader or the text made larger. This statement says how far we "
        "are and what is known not to work yet.</p>"
    ),
    "body": [
        ("heading", "How accessible the portal is"),
        (
            "paragraph",
            "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. "
            "The portal partly meets them. Its pages work without JavaScript, can be used with "
            "a keyboard alone, have a link to skip to the content, and fit a screen 320 pixels "
            "wide without scrolling sideways. Every change is checked automatically with "
            "axe-core in a real browser.</p>",
        ),
        ("heading", "What is known not to work yet"),
        (
            "paragraph",
            "<ul><li>Some forms (the account pages, the filing steps) do not yet list their "
            "errors in a summary at the top of the page; each error is shown beside its "
            "field.</li><li>The charts on the statistics pages are not fully described to "
            "screen readers; the same figures can be downloaded as CSV.</li><li>Documents that "
            "public bodies publish, often scanned PDF files, may have no readable text. We "
            "cannot change them; ask the body for an accessible copy through a request.</li>"
            "<li>The workspace for officials has not yet been checked as thoroughly as the "
            "public pages.</li><li>The portal has not yet been tested by people who use screen "
            "readers every day.</li></ul>",
        ),
        ("heading", "Tell us about a problem"),
        (
            "paragraph",
            "<p>If something does not work for you, write to <b>support@sorgu.example</b>: say "
            "which page and what happened. We answer within three working days and tell you "
            "when it is fixed.</p>",
        ),
    ],
}
