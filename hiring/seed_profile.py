"""The default KAM competency profile (SPEC §2), bilingual ru/en.

Pure data: no Flask, no database. ``flask seed`` turns it into rows; the job post and the interview kit take
their default texts from here. Everything below is a default that HR may change in a cloned profile.

Written from ``seed/kam-article-ru.txt`` (what a key account manager does, the skills employers ask for, the
KAM vs. sales-manager difference, the KPIs).
"""

from typing import Any, Final

LANGUAGES: Final = ("ru", "en")

# Education levels in order (SPEC §2), with labels for forms and documents.
EDUCATION_LEVELS: Final[dict[str, dict[str, str]]] = {
    "secondary": {"ru": "Среднее общее", "en": "Secondary school"},
    "vocational": {"ru": "Среднее профессиональное", "en": "Vocational education"},
    "incomplete_higher": {"ru": "Неоконченное высшее", "en": "Incomplete higher education"},
    "bachelor": {"ru": "Высшее — бакалавриат", "en": "Bachelor's degree"},
    "specialist": {"ru": "Высшее — специалитет", "en": "Specialist degree"},
    "master": {"ru": "Высшее — магистратура", "en": "Master's degree"},
    "phd": {"ru": "Учёная степень (кандидат наук, PhD)", "en": "Doctoral degree (PhD)"},
}

# Fields of education offered in forms; the first three are the profile's preferred fields.
FIELD_LABELS: Final[dict[str, dict[str, str]]] = {
    "business": {"ru": "Бизнес и коммерция", "en": "Business"},
    "economics": {"ru": "Экономика и финансы", "en": "Economics and finance"},
    "management": {"ru": "Менеджмент и управление", "en": "Management"},
    "marketing": {"ru": "Маркетинг", "en": "Marketing"},
    "law": {"ru": "Юриспруденция", "en": "Law"},
    "engineering": {"ru": "Инженерные и технические специальности", "en": "Engineering and technology"},
    "other": {"ru": "Другое", "en": "Other"},
}

PROFILE: Final[dict[str, Any]] = {
    "name_ru": "Менеджер по работе с ключевыми клиентами (KAM)",
    "name_en": "Key Account Manager (KAM)",
    "description_ru": (
        "Менеджер по работе с ключевыми клиентами отвечает за 5–30 самых прибыльных клиентов компании: "
        "удерживает их, развивает продажи и выстраивает долгосрочные партнёрские отношения сразу на "
        "нескольких уровнях компании клиента. В отличие от менеджера по продажам, который ведёт 20–100 "
        "клиентов и наращивает их число и средний чек, KAM работает вглубь — с уже существующими ключевыми "
        "клиентами, повышая уровень сервиса. Ошибка KAM может стоить компании ключевого партнёра, поэтому "
        "требования к опыту и навыкам кандидата здесь выше."
    ),
    "description_en": (
        "A key account manager looks after the company's 5–30 most profitable clients: retains them, grows "
        "sales and builds long-term partnerships at several levels of the client's organisation. Unlike a "
        "sales manager, who handles 20–100 clients and works to increase their number and the average order "
        "value, a KAM goes deep with existing key clients and raises the level of service. A KAM's mistake "
        "can cost the company a key partner, so the bar for experience and skills is higher."
    ),
    "screening": {
        "education": {
            "min_level": "bachelor",
            "mandatory": True,
            "preferred_fields": ["business", "economics", "management"],
        },
        "experience": {
            "min_years": 3,
            "exception_min_years": 1,
            "exception_min_plan_pct": 100,
            "mandatory": True,
        },
    },
}

COMPETENCIES: Final[list[dict[str, Any]]] = [
    {
        "code": "NEG",
        "name_ru": "Переговоры и презентация",
        "name_en": "Negotiation & presentation",
        "covers_ru": (
            "Ведение переговоров на личных встречах, в созвонах, переписке и онлайн, развитые "
            "коммуникативные навыки и умение презентовать предложение."
        ),
        "covers_en": (
            "Negotiating in meetings, calls, correspondence and online, strong communication skills and "
            "presenting an offer."
        ),
        "weight": 20,
        "critical_min": 3.0,
        "anchors": {
            1: {
                "ru": (
                    "Уступает в цене и условиях, ничего не получая взамен; приходит на переговоры без "
                    "подготовки и без чёткой цели."
                ),
                "en": (
                    "Concedes on price and terms without getting anything in return; comes to negotiations "
                    "unprepared, without a clear goal."
                ),
            },
            3: {
                "ru": (
                    "Заранее определяет границы уступок и обменивает каждую уступку на встречное условие; "
                    "самостоятельно закрывает типовые сделки и ясно презентует предложение."
                ),
                "en": (
                    "Sets limits in advance and trades every concession for something in return; closes "
                    "standard deals on their own and presents the offer clearly."
                ),
            },
            5: {
                "ru": (
                    "Выстраивает условия сделки с несколькими лицами, влияющими на решение у клиента, и "
                    "защищает маржу; его презентации меняют решения руководителей клиента."
                ),
                "en": (
                    "Shapes the terms of a deal across several stakeholders on the client's side and "
                    "protects the margin; their presentations change executives' decisions."
                ),
            },
        },
        "questions": [
            {
                "ru": (
                    "Расскажите о переговорах с ключевым клиентом, который жёстко давил на цену: что было на "
                    "кону, что вы сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a negotiation with a key client who pushed hard on price: what was at "
                    "stake, what did you do, what was the result?"
                ),
            },
            {
                "ru": (
                    "Расскажите о случае, когда вы презентовали предложение руководству клиента или "
                    "закупочному комитету: что было на кону, как вы готовились и отвечали на возражения, "
                    "какое решение приняли?"
                ),
                "en": (
                    "Tell me about a time you presented a proposal to a client's executives or buying "
                    "committee: what was at stake, how did you prepare and handle objections, what was "
                    "decided?"
                ),
            },
            {
                "ru": (
                    "Расскажите о случае, когда важные переговоры пришлось вести дистанционно — по телефону, "
                    "в переписке или по видеосвязи: что было на кону, что вы сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time you had to conduct important negotiations remotely — by phone, "
                    "email or video call: what was at stake, what did you do, what was the result?"
                ),
            },
        ],
    },
    {
        "code": "REL",
        "name_ru": "Развитие ключевых клиентов и психология продаж",
        "name_en": "Key client development & sales psychology",
        "covers_ru": (
            "Выявление потребностей клиента, предложение новых продуктов и услуг, консультирование по любым "
            "вопросам и удержание клиента с опорой на знание психологии и инструментов продаж."
        ),
        "covers_en": (
            "Identifying the client's needs, offering new products and services, consulting on any question "
            "and retaining the client, drawing on sales psychology and sales tools."
        ),
        "weight": 15,
        "critical_min": None,
        "anchors": {
            1: {
                "ru": (
                    "Работает только по входящим запросам и предлагает всем один и тот же стандартный набор; "
                    "не может назвать цели клиента и тех, кто у него принимает решения."
                ),
                "en": (
                    "Only reacts to incoming requests and offers everyone the same standard package; cannot "
                    "name the client's goals or who makes the decisions on the client's side."
                ),
            },
            3: {
                "ru": (
                    "Прежде чем предлагать, выясняет цели и проблемы клиента, предлагает подходящие продукты "
                    "и поддерживает регулярный контакт; замечает признаки недовольства и реагирует на них."
                ),
                "en": (
                    "Finds out the client's goals and problems before offering anything, proposes products "
                    "that fit and keeps in regular contact; notices signs of dissatisfaction and acts on "
                    "them."
                ),
            },
            5: {
                "ru": (
                    "Выстраивает отношения на нескольких уровнях компании клиента, ведёт план развития "
                    "клиента и растит объём продаж; находит подход к каждому и удерживает клиентов, которых "
                    "активно переманивали конкуренты."
                ),
                "en": (
                    "Builds relationships at several levels of the client's company, runs an account "
                    "development plan and grows sales volume; finds an approach to each person and keeps "
                    "clients that competitors were actively trying to win over."
                ),
            },
        },
        "questions": [
            {
                "ru": (
                    "Расскажите о случае, когда вы выяснили, что ключевому клиенту нужно то, о чём он сам не "
                    "просил: что было на кону, что вы сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time you found out a key client needed something they had not asked "
                    "for: what was at stake, what did you do, what was the result?"
                ),
            },
            {
                "ru": (
                    "Расскажите о случае, когда ключевой клиент собирался уйти к конкуренту: что было на "
                    "кону, что вы сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time a key client was about to leave for a competitor: what was at "
                    "stake, what did you do, what was the result?"
                ),
            },
            {
                "ru": (
                    "Расскажите о случае, когда вам было трудно найти общий язык с контактным лицом клиента: "
                    "что было на кону, как вы искали подход, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time you struggled to build rapport with a contact at a client: what "
                    "was at stake, how did you find an approach, what was the result?"
                ),
            },
        ],
    },
    {
        "code": "ANA",
        "name_ru": "Анализ контрагентов и рынка",
        "name_en": "Counterparty & market analysis",
        "covers_ru": (
            "Анализ партнёров, рынка и данных о продажах, чтобы предлагать самые выгодные условия и не "
            "допустить ухода клиента к конкуренту."
        ),
        "covers_en": (
            "Analysing partners, the market and sales data to offer the best terms and keep clients from "
            "leaving for a competitor."
        ),
        "weight": 15,
        "critical_min": None,
        "anchors": {
            1: {
                "ru": (
                    "Не смотрит на цифры продаж клиента и предложения конкурентов; судит о клиенте только по "
                    "впечатлению от общения."
                ),
                "en": (
                    "Does not look at the client's sales figures or competitors' offers; judges a client "
                    "only by the impression from conversations."
                ),
            },
            3: {
                "ru": (
                    "Регулярно анализирует историю продаж, объёмы заказов и платёжную дисциплину каждого "
                    "клиента, знает основные предложения конкурентов и опирается на эти данные в своих "
                    "предложениях."
                ),
                "en": (
                    "Regularly reviews each client's sales history, order volumes and payment discipline, "
                    "knows competitors' main offers and bases proposals on this data."
                ),
            },
            5: {
                "ru": (
                    "Замечает в данных риски и возможности до того, как они проявятся (падение заказов, шаг "
                    "конкурента, новое направление бизнеса клиента), и превращает анализ в предложения, "
                    "которые клиент принимает."
                ),
                "en": (
                    "Spots risks and opportunities in the data before they surface (falling orders, a "
                    "competitor's move, a client's new line of business) and turns the analysis into "
                    "proposals the client accepts."
                ),
            },
        },
        "questions": [
            {
                "ru": (
                    "Расскажите о случае, когда анализ данных клиента предупредил вас о проблеме раньше, чем "
                    "о ней заговорил сам клиент: что было на кону, что вы сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time your analysis of a client's data warned you of a problem before "
                    "the client raised it: what was at stake, what did you do, what was the result?"
                ),
            },
            {
                "ru": (
                    "Расскажите о случае, когда конкурент предложил вашему ключевому клиенту более выгодные "
                    "условия: что было на кону, как вы сравнивали предложения и что сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time a competitor offered your key client better terms: what was at "
                    "stake, how did you compare the offers and what did you do, what was the result?"
                ),
            },
        ],
    },
    {
        "code": "IND",
        "name_ru": "Знание отрасли и рынка",
        "name_en": "Industry & market knowledge",
        "covers_ru": (
            "Детальное знание отрасли и рынка, на котором работает компания, чтобы избегать кризисных "
            "ситуаций, заранее предугадывать спрос и предлагать нужные продукты."
        ),
        "covers_en": (
            "Detailed knowledge of the company's industry and market, used to avoid crises, anticipate "
            "demand and offer the right products."
        ),
        "weight": 10,
        "critical_min": None,
        "anchors": {
            1: {
                "ru": (
                    "Знает продукт только по прайс-листу; не может назвать основных игроков рынка, тенденции "
                    "и сезонность спроса."
                ),
                "en": (
                    "Knows the product only from the price list; cannot name the main market players, trends "
                    "or seasonality of demand."
                ),
            },
            3: {
                "ru": (
                    "Называет основных конкурентов, уровень цен и сезонность рынка и объясняет, как они "
                    "влияют на бизнес клиентов; сам отвечает на типовые вопросы о продукте."
                ),
                "en": (
                    "Names the main competitors, price levels and seasonality of the market and explains how "
                    "they affect clients' businesses; answers typical product questions without help."
                ),
            },
            5: {
                "ru": (
                    "Предугадывает изменения спроса, регулирования или поставок и заранее корректирует "
                    "предложения и заказы клиентов; клиенты сами обращаются за его оценкой рынка."
                ),
                "en": (
                    "Anticipates changes in demand, regulation or supply and adjusts clients' offers and "
                    "orders in advance; clients come to them for their view of the market."
                ),
            },
        },
        "questions": [
            {
                "ru": (
                    "Расскажите о случае, когда знание отрасли помогло клиенту избежать проблемы или "
                    "воспользоваться возможностью: что было на кону, что вы сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time your knowledge of the industry helped a client avoid a problem or "
                    "seize an opportunity: what was at stake, what did you do, what was the result?"
                ),
            },
            {
                "ru": (
                    "Расскажите о случае, когда вы предугадали изменение спроса раньше своих клиентов: что "
                    "было на кону, что вы сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time you saw a change in demand coming before your clients did: what "
                    "was at stake, what did you do, what was the result?"
                ),
            },
        ],
    },
    {
        "code": "ORD",
        "name_ru": "Заказы, договоры и отчётность",
        "name_en": "Orders, contracts & reporting",
        "covers_ru": (
            "Приём заказов и контроль их выполнения на каждом этапе, подготовка и заключение договоров и "
            "другой документации, ведение истории продаж и отчётности."
        ),
        "covers_en": (
            "Taking orders and controlling their fulfilment at every stage, preparing and concluding "
            "contracts and other documents, keeping the sales history and reports."
        ),
        "weight": 10,
        "critical_min": None,
        "anchors": {
            1: {
                "ru": (
                    "Передаёт заказ дальше и не следит за ним — о задержках клиент узнаёт первым; договоры и "
                    "отчёты готовит с опозданием и ошибками."
                ),
                "en": (
                    "Passes an order on and stops following it, so the client is the first to learn of "
                    "delays; contracts and reports are late and contain errors."
                ),
            },
            3: {
                "ru": (
                    "Отслеживает каждый заказ на всех этапах и заранее предупреждает клиента о задержках; "
                    "вовремя готовит договоры и документы, поддерживает историю продаж и отчёты в актуальном "
                    "состоянии."
                ),
                "en": (
                    "Tracks every order through each stage and warns the client of delays in advance; "
                    "prepares contracts and documents on time and keeps the sales history and reports up to "
                    "date."
                ),
            },
            5: {
                "ru": (
                    "Выстраивает с клиентом и внутренними подразделениями порядок работы с заказами и "
                    "документами, при котором сбои редки; на основе его отчётов руководство принимает "
                    "решения."
                ),
                "en": (
                    "Sets up a way of handling orders and documents with the client and internal departments "
                    "that makes failures rare; management bases decisions on their reports."
                ),
            },
        },
        "questions": [
            {
                "ru": (
                    "Расскажите о случае, когда заказ ключевого клиента мог быть выполнен с опозданием или с "
                    "ошибкой: что было на кону, что вы сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time a key client's order was at risk of being late or wrong: what was "
                    "at stake, what did you do, what was the result?"
                ),
            },
            {
                "ru": (
                    "Расскажите о случае, когда вы готовили и заключали с клиентом сложный договор: что было "
                    "на кону, что вы сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time you prepared and concluded a complex contract with a client: what "
                    "was at stake, what did you do, what was the result?"
                ),
            },
            {
                "ru": (
                    "Расскажите о случае, когда история продаж или ваши отчёты помогли вам или руководителю "
                    "принять решение: что было на кону, что вы сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time your sales history or reports helped you or your manager make a "
                    "decision: what was at stake, what did you do, what was the result?"
                ),
            },
        ],
    },
    {
        "code": "ACC",
        "name_ru": "Дебиторская задолженность и учёт",
        "name_en": "Receivables & accounting aspects",
        "covers_ru": (
            "Отслеживание наличия и состояния дебиторской задолженности и ответы на бухгалтерские вопросы "
            "клиента, чтобы быть для партнёра правой рукой во взаимодействии с компанией."
        ),
        "covers_en": (
            "Tracking outstanding receivables and answering the client's accounting questions, so as to be "
            "the partner's right hand in dealing with the company."
        ),
        "weight": 10,
        "critical_min": None,
        "anchors": {
            1: {
                "ru": (
                    "Не знает, кто из его клиентов и сколько должен компании; любой бухгалтерский вопрос "
                    "пересылает в бухгалтерию, не вникая в него."
                ),
                "en": (
                    "Does not know which clients owe the company money or how much; forwards every "
                    "accounting question to the accounts department without looking into it."
                ),
            },
            3: {
                "ru": (
                    "Знает задолженность и сроки оплаты каждого клиента, напоминает о платежах до просрочки "
                    "и сам отвечает на типовые вопросы о счетах, закрывающих документах и актах сверки."
                ),
                "en": (
                    "Knows each client's balance and payment terms, reminds clients before payments become "
                    "overdue and answers routine questions on invoices, closing documents and reconciliation "
                    "statements."
                ),
            },
            5: {
                "ru": (
                    "Удерживает просроченную дебиторскую задолженность по портфелю близкой к нулю, заранее "
                    "согласуя графики платежей и кредитные лимиты; решает нестандартные учётные вопросы "
                    "вместе с бухгалтериями обеих сторон."
                ),
                "en": (
                    "Keeps overdue receivables across the portfolio close to zero by agreeing payment "
                    "schedules and credit limits in advance; resolves non-standard accounting issues "
                    "together with both sides' accountants."
                ),
            },
        },
        "questions": [
            {
                "ru": (
                    "Расскажите о случае, когда ключевой клиент задержал оплату: что было на кону, что вы "
                    "сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time a key client was late with a payment: what was at stake, what did "
                    "you do, what was the result?"
                ),
            },
            {
                "ru": (
                    "Расскажите о случае, когда клиент обратился к вам с бухгалтерским вопросом — например, "
                    "о расхождениях в акте сверки или закрывающих документах: что было на кону, что вы "
                    "сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time a client came to you with an accounting question, such as a "
                    "discrepancy in a reconciliation statement or closing documents: what was at stake, what "
                    "did you do, what was the result?"
                ),
            },
        ],
    },
    {
        "code": "CLM",
        "name_ru": "Рекламации и конфликты",
        "name_en": "Claims & conflict resolution",
        "covers_ru": (
            "Работа с рекламациями и урегулирование любых конфликтных ситуаций так, чтобы у клиента осталось "
            "положительное впечатление о компании."
        ),
        "covers_en": (
            "Handling claims and resolving any conflict so that the client keeps a positive impression of "
            "the company."
        ),
        "weight": 10,
        "critical_min": None,
        "anchors": {
            1: {
                "ru": (
                    "Спорит с клиентом или перекладывает вину на другие подразделения; рекламации "
                    "затягиваются без ответственного и без сроков."
                ),
                "en": (
                    "Argues with the client or shifts the blame onto other departments; claims drag on with "
                    "no owner and no deadline."
                ),
            },
            3: {
                "ru": (
                    "Спокойно выслушивает клиента, фиксирует рекламацию, называет срок ответа и вместе с "
                    "внутренними подразделениями доводит вопрос до решения."
                ),
                "en": (
                    "Listens to the client calmly, records the claim, gives a deadline for an answer and "
                    "works with internal departments until the issue is resolved."
                ),
            },
            5: {
                "ru": (
                    "Урегулирует серьёзные конфликты так, что клиент остаётся, а отношения становятся "
                    "крепче; находит причины повторяющихся рекламаций и добивается их устранения."
                ),
                "en": (
                    "Settles serious conflicts in a way that keeps the client and strengthens the "
                    "relationship; finds the causes of recurring claims and gets them eliminated."
                ),
            },
        },
        "questions": [
            {
                "ru": (
                    "Расскажите о случае, когда ключевой клиент предъявил серьёзную рекламацию по качеству "
                    "или срокам поставки: что было на кону, что вы сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time a key client made a serious claim about quality or delivery times: "
                    "what was at stake, what did you do, what was the result?"
                ),
            },
            {
                "ru": (
                    "Расскажите о конфликте с клиентом, в котором, на ваш взгляд, клиент был неправ: что "
                    "было на кону, что вы сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a conflict with a client who, in your view, was in the wrong: what was at "
                    "stake, what did you do, what was the result?"
                ),
            },
            {
                "ru": (
                    "Расскажите о случае, когда в жалобах клиента раз за разом повторялась одна и та же "
                    "проблема: что было на кону, что вы сделали, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time the same problem kept coming back in a client's complaints: what "
                    "was at stake, what did you do, what was the result?"
                ),
            },
        ],
    },
    {
        "code": "TIM",
        "name_ru": "Тайм-менеджмент",
        "name_en": "Time management",
        "covers_ru": (
            "Планирование созвонов, встреч, отчётности и командировок по портфелю из 5–30 ключевых клиентов, "
            "чтобы каждый клиент получал внимание, а вся работа выполнялась в срок."
        ),
        "covers_en": (
            "Planning calls, meetings, reports and business trips across a portfolio of 5–30 key clients so "
            "that every client gets attention and all the work is done on time."
        ),
        "weight": 10,
        "critical_min": None,
        "anchors": {
            1: {
                "ru": (
                    "Работает от одного срочного запроса к другому без плана; пропускает созвоны, встречи "
                    "или сроки отчётов, а часть клиентов подолгу остаётся без внимания."
                ),
                "en": (
                    "Moves from one urgent request to the next without a plan; misses calls, meetings or "
                    "report deadlines, and some clients go without contact for long periods."
                ),
            },
            3: {
                "ru": (
                    "Планирует день и неделю — созвоны, встречи, отчёты, поездки; соблюдает согласованные "
                    "сроки и регулярный график контактов с каждым клиентом портфеля."
                ),
                "en": (
                    "Plans the day and the week: calls, meetings, reports and trips; keeps agreed deadlines "
                    "and a regular contact schedule with every client in the portfolio."
                ),
            },
            5: {
                "ru": (
                    "Расставляет приоритеты по всему портфелю с учётом ценности и рисков каждого клиента, "
                    "планирует встречи и командировки на недели вперёд и справляется со срочными задачами, "
                    "не срывая плановую работу."
                ),
                "en": (
                    "Prioritises across the whole portfolio by each client's value and risk, plans meetings "
                    "and trips weeks ahead and absorbs urgent tasks without dropping planned work."
                ),
            },
        },
        "questions": [
            {
                "ru": (
                    "Расскажите о случае, когда вы срочно понадобились сразу нескольким ключевым клиентам: "
                    "что было на кону, как вы расставили приоритеты, чем закончилось?"
                ),
                "en": (
                    "Tell me about a time several key clients needed you urgently at once: what was at "
                    "stake, how did you set priorities, what was the result?"
                ),
            },
            {
                "ru": (
                    "Расскажите о напряжённом периоде, когда в одну неделю нужно было уместить встречи, "
                    "отчёты и командировки по всему портфелю: что было на кону, что вы сделали, чем "
                    "закончилось?"
                ),
                "en": (
                    "Tell me about a busy period when you had to fit meetings, reports and business trips "
                    "for your whole portfolio into one week: what was at stake, what did you do, what was "
                    "the result?"
                ),
            },
        ],
    },
]

# Default responsibilities for the job post (SPEC §5), from the article's list of duties.
DUTIES: Final[dict[str, list[str]]] = {
    "ru": [
        "Ведение портфеля из 5–30 ключевых клиентов: удержание, развитие отношений и рост объёма продаж",
        "Переговоры с клиентами на личных встречах, в созвонах, переписке и онлайн",
        "Анализ партнёров и контрагентов, выявление их потребностей, предложение новых продуктов и услуг",
        "Подготовка и проведение презентаций для клиентов",
        "Консультирование клиентов по любым вопросам сотрудничества",
        "Приём заказов и контроль их выполнения на каждом этапе",
        "Подготовка и заключение договоров и другой документации",
        "Работа с рекламациями и урегулирование конфликтных ситуаций",
        "Отслеживание наличия и состояния дебиторской задолженности",
        "Ведение истории продаж, анализ проделанной работы, подготовка отчётной и аналитической документации",
    ],
    "en": [
        "Managing a portfolio of 5–30 key clients: retaining them, developing relationships, growing sales",
        "Negotiating with clients in meetings, calls, correspondence and online",
        "Analysing partners and counterparties, identifying their needs, offering new products and services",
        "Preparing and giving presentations to clients",
        "Advising clients on any questions about working with the company",
        "Taking orders and controlling their fulfilment at every stage",
        "Preparing and concluding contracts and other documents",
        "Handling claims and resolving conflicts",
        "Tracking outstanding receivables",
        "Keeping the sales history, reviewing results, preparing reports and analytical documents",
    ],
}

# Added to DUTIES when the vacancy requires business travel.
TRAVEL_DUTY: Final[dict[str, str]] = {
    "ru": "Командировки в другие города: встречи с клиентами, посещение их предприятий, обучение",
    "en": "Business trips to other cities to meet clients, visit their sites and attend training",
}

INTRO: Final[dict[str, str]] = {
    "ru": (
        "Мы ищем менеджера по работе с ключевыми клиентами, который возьмёт на себя самых ценных партнёров "
        "компании — тех, кто приносит основную долю прибыли. Ваша задача — удерживать и развивать этих "
        "клиентов: слышать их потребности, предлагать выгодные условия сотрудничества и быть для них лицом "
        "компании."
    ),
    "en": (
        "We are looking for a key account manager to look after the company's most valuable partners — the "
        "clients who bring in most of the profit. Your job is to retain and grow these clients: understand "
        "their needs, offer them the best terms of cooperation and be the face of the company for them."
    ),
}

CONDITIONS: Final[dict[str, list[str]]] = {
    "ru": [
        "Официальное трудоустройство",
        "Оклад и премия за выполнение плана продаж",
        "Работа с крупнейшими клиентами компании и прямое влияние на её результаты",
        "Обучение и профессиональное развитие",
        "Карьерный рост — до руководителя отдела продаж, директора по развитию или коммерческого директора",
        "Оплачиваемый отпуск и больничный",
    ],
    "en": [
        "Official employment contract",
        "Base salary plus a bonus for meeting the sales plan",
        "Work with the company's largest clients and a direct impact on its results",
        "Training and professional development",
        "A career path to head of sales, business development director or commercial director",
        "Paid holidays and sick leave",
    ],
}

# The KPIs a KAM is judged by (from the article); shown as a note in the profile and the interview kit.
KPI_NOTE: Final[dict[str, str]] = {
    "ru": (
        "Ключевые показатели KAM — процент удержания ключевых клиентов, рост продаж и прибыли по портфелю и "
        "выполнение личного плана. Ежегодно компании теряют около половины заказчиков, а потеря одного "
        "ключевого клиента обходится очень дорого, поэтому спрашивайте кандидата об удержании и развитии "
        "клиентов, а не только о новых сделках."
    ),
    "en": (
        "A KAM is judged by the retention rate of key clients, sales and profit growth across the portfolio "
        "and attainment of the personal plan. Companies lose about half of their customers every year, and "
        "losing a single key client is very costly, so ask candidates about retaining and growing clients, "
        "not only about new deals."
    ),
}
