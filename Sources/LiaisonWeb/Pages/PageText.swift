/// The fixed texts of a participant's pages in one language. Templates name them (`{{t.agenda}}`),
/// so adding a language is adding one table here.
struct PageText: Sendable {
    var yourPage: String
    var when: String
    var venue: String
    var timeZone: String
    var profile: String
    var correctProfile: String
    var profileNote: String
    var name: String
    var region: String
    var city: String
    var size: String
    var languages: String
    var description: String
    var offers: String
    var seeks: String
    var profileFormat: String
    var save: String
    var suggestions: String
    var suggestionsNote: String
    var noSuggestions: String
    var why: String
    var requestMeeting: String
    var notInterested: String
    var requests: String
    var noRequests: String
    var askedByYou: String
    var askedByThem: String
    var arrangedByOrganizer: String
    var pending: String
    var accepted: String
    var declined: String
    var mustMeet: String
    var notInterestedIn: String
    /// The button that takes back the participant's own "not interested" in a company.
    var interestedAfterAll: String
    var agenda: String
    var notPublished: String
    var calendarFeed: String
    var calendarNote: String
    var time: String
    var table: String
    var with: String
    var cancelled: String
    var rateTitle: String
    var tookPlaceQuestion: String
    var yes: String
    var no: String
    var outcomeDidNotTakePlace: String
    var outcomeNoInterest: String
    var outcomeFollowUp: String
    var outcomeAgreement: String
    var rate: String
    var yourRating: String
    var noMeetings: String
    var doneRequested: String
    var doneNotInterested: String
    var doneInterested: String
    var doneProfile: String
    var doneRated: String
    var problem: String
    /// Why a participant's form was refused, told without naming who else is in the event or on
    /// which side (the organizer's words name them): a meeting it cannot ask for, one it did not
    /// have, one not yet over.
    var cannotRequest: String
    var noSuchMeeting: String
    var notYetHeld: String
    /// A profile field refused: a value that is not valid there, or none where one is needed.
    var invalidValue: String
    var required: String
    /// A form that is not as the page sends it (a field missing or unknown).
    var incompleteForm: String
    /// A change the organizer's own arrangements forbid (a meeting it requires).
    var organizerDecides: String
    /// A request for a meeting the schedule already holds.
    var alreadyMeeting: String
    /// A "not interested" taken back that is not the participant's own (none, or the organizer's
    /// block, which the page never shows as the participant's).
    var notDeclined: String
    var back: String
    var notFound: String
    /// Punctuation as the language writes it: after a label (`Why: `, `理由：`, `Pourquoi : `),
    /// between items (`, `, `，`), and around an aside (`(…)`, `（…）`).
    var colon = ": "
    var comma = ", "
    var openParenthesis = " ("
    var closeParenthesis = ")"

    static let english = PageText(
        yourPage: "Your page", when: "When", venue: "Where", timeZone: "Time zone", profile: "Your profile",
        correctProfile: "Correct your profile",
        profileNote: "What you change here is what everyone is matched with from now on.",
        name: "Name", region: "Region", city: "City", size: "Size", languages: "Languages", description: "Description",
        offers: "Offers", seeks: "Seeks", profileFormat: "sector:weight; sector:weight — a sector by id, name or alias",
        save: "Save", suggestions: "Suggested meetings",
        suggestionsNote: "Participants of this event you could meet, best first, with why.",
        noSuggestions: "No suggestions yet.", why: "Why", requestMeeting: "Request a meeting", notInterested: "Not interested",
        requests: "Your requests", noRequests: "No requests yet.", askedByYou: "asked by you", askedByThem: "asked by them",
        arrangedByOrganizer: "arranged by the organizer", pending: "waiting for the organizer", accepted: "accepted",
        declined: "declined", mustMeet: "must meet", notInterestedIn: "Not interested in", interestedAfterAll: "Interested after all",
        agenda: "Your agenda", notPublished: "Your agenda appears here once the organizer publishes the schedule.",
        calendarFeed: "Subscribe in your calendar",
        calendarNote: "Add this address to your calendar app as a subscription: it follows every change the organizer publishes.",
        time: "Time", table: "Table", with: "With", cancelled: "cancelled", rateTitle: "How did it go?",
        tookPlaceQuestion: "Did the meeting take place?", yes: "Yes", no: "No", outcomeDidNotTakePlace: "did not take place",
        outcomeNoInterest: "no interest", outcomeFollowUp: "follow-up planned", outcomeAgreement: "agreement in progress",
        rate: "Send", yourRating: "Your answer", noMeetings: "No meetings for you in the published schedule.",
        doneRequested: "Meeting requested: the organizer will confirm it.",
        doneNotInterested: "Noted: you will not be paired.", doneInterested: "Noted: you may be paired with this company again.",
        doneProfile: "Your profile is saved.",
        doneRated: "Thank you for your answer.", problem: "This could not be done",
        cannotRequest: "A meeting with this company cannot be asked for from your page.",
        noSuchMeeting: "You have no such meeting in the published schedule.",
        notYetHeld: "You can rate a meeting once it has ended.", invalidValue: "is not valid here", required: "is required",
        incompleteForm: "The form was incomplete; go back to your page and try again.",
        organizerDecides: "The organizer has arranged this meeting; ask the organizer to change it.",
        alreadyMeeting: "You already meet this company in the schedule.",
        notDeclined: "You have not said you are not interested in this company.", back: "Back to your page",
        notFound: "This link opens no page. Ask the organizer for your current link.")

    static let chinese = PageText(
        yourPage: "您的页面", when: "时间", venue: "地点", timeZone: "时区", profile: "您的企业资料", correctProfile: "修改企业资料",
        profileNote: "您在此处的修改将用于今后所有的匹配。",
        name: "名称", region: "省/州", city: "城市", size: "规模", languages: "语言", description: "简介",
        offers: "提供", seeks: "寻求", profileFormat: "行业:权重; 行业:权重 —— 行业可用编号、名称或别名",
        save: "保存", suggestions: "推荐洽谈", suggestionsNote: "本次活动中您可以洽谈的参会企业，按匹配度排序，并附理由。",
        noSuggestions: "暂无推荐。", why: "理由", requestMeeting: "申请洽谈", notInterested: "不感兴趣",
        requests: "您的洽谈申请", noRequests: "暂无申请。", askedByYou: "由您申请", askedByThem: "由对方申请",
        arrangedByOrganizer: "由主办方安排", pending: "等待主办方确认", accepted: "已接受", declined: "已拒绝", mustMeet: "必须洽谈",
        notInterestedIn: "不感兴趣的企业", interestedAfterAll: "改为感兴趣", agenda: "您的日程", notPublished: "主办方发布日程后，您的日程将显示在这里。",
        calendarFeed: "在日历中订阅", calendarNote: "请将此地址以订阅方式添加到您的日历应用：主办方发布的每次更改都会同步。",
        time: "时间", table: "桌号", with: "洽谈对象", cancelled: "已取消", rateTitle: "洽谈效果如何？",
        tookPlaceQuestion: "洽谈是否进行？", yes: "是", no: "否", outcomeDidNotTakePlace: "未进行", outcomeNoInterest: "无合作意向",
        outcomeFollowUp: "计划后续跟进", outcomeAgreement: "正在洽谈协议", rate: "提交", yourRating: "您的反馈",
        noMeetings: "已发布的日程中没有您的洽谈。", doneRequested: "洽谈申请已提交，等待主办方确认。",
        doneNotInterested: "已记录：不会为您安排与该企业的洽谈。", doneInterested: "已记录：可以再次为您安排与该企业的洽谈。",
        doneProfile: "您的企业资料已保存。", doneRated: "感谢您的反馈。",
        problem: "无法完成此操作", cannotRequest: "无法通过您的页面申请与该企业洽谈。", noSuchMeeting: "已发布的日程中没有这场洽谈。",
        notYetHeld: "洽谈结束后才能提交反馈。", invalidValue: "填写有误", required: "为必填项",
        incompleteForm: "表单不完整，请返回您的页面重试。", organizerDecides: "这场洽谈由主办方安排；如需更改，请联系主办方。",
        alreadyMeeting: "日程中已为您安排了与该企业的洽谈。", notDeclined: "您未曾表示对该企业不感兴趣。", back: "返回您的页面", notFound: "此链接无效。请向主办方索取您当前的链接。",
        colon: "：", comma: "，", openParenthesis: "（", closeParenthesis: "）")

    static let french = PageText(
        yourPage: "Votre page", when: "Quand", venue: "Où", timeZone: "Fuseau horaire", profile: "Votre profil",
        correctProfile: "Corriger votre profil",
        profileNote: "Ce que vous modifiez ici sert désormais à toutes les mises en relation.",
        name: "Nom", region: "Région", city: "Ville", size: "Taille", languages: "Langues", description: "Description",
        offers: "Offre", seeks: "Recherche", profileFormat: "secteur:poids; secteur:poids — un secteur par identifiant, nom ou alias",
        save: "Enregistrer", suggestions: "Rendez-vous suggérés",
        suggestionsNote: "Les participants de l’événement que vous pourriez rencontrer, les meilleurs d’abord, avec pourquoi.",
        noSuggestions: "Pas encore de suggestion.", why: "Pourquoi", requestMeeting: "Demander un rendez-vous",
        notInterested: "Pas intéressé", requests: "Vos demandes", noRequests: "Aucune demande pour l’instant.",
        askedByYou: "demandé par vous", askedByThem: "demandé par eux", arrangedByOrganizer: "demandé par l’organisateur",
        pending: "en attente de l’organisateur", accepted: "acceptée", declined: "refusée", mustMeet: "rendez-vous obligatoire",
        notInterestedIn: "Pas intéressé par", interestedAfterAll: "Finalement intéressé", agenda: "Votre agenda",
        notPublished: "Votre agenda apparaîtra ici dès que l’organisateur aura publié le programme.",
        calendarFeed: "S’abonner dans votre agenda",
        calendarNote: "Ajoutez cette adresse à votre application d’agenda comme abonnement\u{202F}: elle suit chaque modification publiée.",
        time: "Heure", table: "Table", with: "Avec", cancelled: "annulé", rateTitle: "Comment cela s’est-il passé\u{202F}?",
        tookPlaceQuestion: "Le rendez-vous a-t-il eu lieu\u{202F}?", yes: "Oui", no: "Non", outcomeDidNotTakePlace: "n’a pas eu lieu",
        outcomeNoInterest: "pas d’intérêt", outcomeFollowUp: "suite prévue", outcomeAgreement: "accord en cours",
        rate: "Envoyer", yourRating: "Votre réponse", noMeetings: "Aucun rendez-vous pour vous dans le programme publié.",
        doneRequested: "Rendez-vous demandé\u{202F}: l’organisateur le confirmera.",
        doneNotInterested: "C’est noté\u{202F}: vous ne serez pas mis en relation.",
        doneInterested: "C’est noté\u{202F}: vous pourrez de nouveau être mis en relation avec cette entreprise.",
        doneProfile: "Votre profil est enregistré.",
        doneRated: "Merci de votre réponse.", problem: "Impossible de faire cela",
        cannotRequest: "Un rendez-vous avec cette entreprise ne peut pas être demandé depuis votre page.",
        noSuchMeeting: "Vous n’avez pas ce rendez-vous dans le programme publié.",
        notYetHeld: "Vous pourrez évaluer un rendez-vous une fois qu’il aura eu lieu.", invalidValue: "n’est pas valide ici",
        required: "est obligatoire", incompleteForm: "Le formulaire était incomplet\u{202F}; revenez à votre page et réessayez.",
        organizerDecides: "L’organisateur a prévu ce rendez-vous\u{202F}; demandez-lui de le modifier.",
        alreadyMeeting: "Vous rencontrez déjà cette entreprise au programme.",
        notDeclined: "Vous n’avez pas indiqué ne pas être intéressé par cette entreprise.", back: "Retour à votre page",
        notFound: "Ce lien n’ouvre aucune page. Demandez votre lien actuel à l’organisateur.", colon: "\u{202F}: ")
}
