//! The word lists [`super`] draws its French texts from: titles, summaries, stakeholders' names,
//! positions, notes, figures and labels. Changing a list changes every generated session.

pub(super) const VERBS: &[&str] = &[
    "Revaloriser",
    "Créer",
    "Renforcer",
    "Simplifier",
    "Financer",
    "Développer",
    "Pérenniser",
    "Réformer",
    "Étendre",
    "Accélérer",
    "Généraliser",
    "Soutenir",
    "Moderniser",
    "Ouvrir",
    "Encadrer",
    "Déployer",
];

pub(super) const OBJECTS: &[&str] = &[
    "les métiers du grand âge",
    "l’accès aux soins non programmés",
    "la télésanté",
    "les équipes mobiles de gériatrie",
    "l’investissement hospitalier",
    "les centres de santé",
    "la formation des aides-soignants",
    "les EHPAD publics et privés non lucratifs",
    "la psychiatrie de secteur",
    "les urgences pédiatriques",
    "le numérique en santé",
    "la gouvernance des établissements",
    "l’exercice coordonné",
    "les maisons de santé pluriprofessionnelles",
    "la permanence des soins",
    "les infirmiers en pratique avancée",
    "la prévention en santé publique",
    "l’hospitalisation à domicile",
    "les services d’aide et de soins à domicile",
    "la démocratie sanitaire",
];

pub(super) const PLACES: &[&str] = &[
    "",
    " dans les territoires",
    " en zone sous-dotée",
    " d’ici à 2027",
    " à l’échelle départementale",
    " dans le secteur médico-social",
    " en outre-mer",
    " avec les collectivités",
];

pub(super) const MEANS: &[&str] = &[
    "avec une enveloppe dédiée et pluriannuelle",
    "par un décret en Conseil d’État",
    "en s’appuyant sur les agences régionales de santé",
    "grâce à un fonds de modernisation",
    "après une expérimentation dans trois régions",
    "en associant les représentants des usagers",
    "dans le cadre de la loi de financement de la sécurité sociale",
];

pub(super) const SUMMARY_OPENERS: &[&str] = &[
    "La mesure vise à",
    "Le Gouvernement propose de",
    "Il s’agit de",
    "L’accord prévoit de",
];

pub(super) const KINDS: &[(&str, &str)] = &[
    ("Fédération", "F"),
    ("Union", "U"),
    ("Syndicat national", "SN"),
    ("Collectif", "C"),
    ("Conférence", "CF"),
    ("Association", "A"),
    ("Coordination", "CO"),
];

pub(super) const DOMAINS: &[(&str, &str)] = &[
    ("des établissements médico-sociaux", "ÉMS"),
    ("des infirmiers libéraux", "IL"),
    ("des usagers de la santé", "US"),
    ("des médecins généralistes", "MG"),
    ("des hôpitaux de proximité", "HP"),
    ("des aides à domicile", "AD"),
    ("des directeurs d’hôpital", "DH"),
    ("de la psychiatrie publique", "PP"),
    ("des sages-femmes", "SF"),
    ("des pharmaciens d’officine", "PO"),
    ("des familles et des aidants", "FA"),
    ("des élus de santé", "ÉS"),
];

pub(super) const DEMANDS: &[&str] = &[
    "Nous demandons de",
    "Notre fédération propose de",
    "Il convient de",
    "Nous appelons à",
];

pub(super) const REACTIONS: &[&str] = &[
    "Nous saluons l’annonce concernant",
    "Nous prenons acte des mesures sur",
    "Nous regrettons le manque d’ambition pour",
];

pub(super) const BUTS: &[&str] = &[
    "mais les crédits annoncés restent en deçà des besoins",
    "sans garantie sur la pérennité du financement",
    "même si le calendrier demeure flou",
];

pub(super) const NOTE_OBJECTS: &[&str] = &[
    "la mesure",
    "l’enveloppe annoncée",
    "le calendrier retenu",
    "la méthode de concertation",
    "le périmètre des établissements concernés",
    "la place faite au secteur médico-social",
    "la répartition des crédits entre régions",
    "le rôle confié aux ARS",
];

pub(super) const NOTE_ENDINGS: &[&str] = &[
    ", mais rappelle que les besoins réels sont bien supérieurs.",
    " ; elle attend des garanties sur la pérennité des crédits.",
    ", tout en soulignant l’oubli des professionnels du domicile.",
    " et propose d’y associer les usagers.",
    ", sans répondre à sa demande de rattrapage salarial.",
    " : à vérifier dans le décret d’application.",
    " ; l’écart persiste sur la gouvernance.",
];

pub(super) const NOTE_EXTRAS: &[&str] = &[
    "Voir aussi sa contribution écrite, proposition n° 12.",
    "Position réaffirmée lors de l’audition à l’Assemblée nationale.",
    "À rapprocher des revendications exprimées en 2019 sur l’hôpital.",
    "Les chiffres cités ne sont pas sourcés ; à recouper avec la DREES.",
    "Le communiqué évoque « un premier pas » sans plus de précision.",
    "Nuance : l’accord ne vaut que pour les établissements publics.",
];

/// What a cell may be marked with: free labels, and "à vérifier", which the generator writes as
/// the analyst's review flag.
pub(super) const LABELS: &[&str] = &[
    "à vérifier",
    "prioritaire",
    "à discuter en réunion",
    "chiffrage à confirmer",
];

/// What an amount figure counts, and its unit.
pub(super) const AMOUNT_LABELS: &[&str] =
    &["enveloppe annuelle", "crédits d’investissement", "dotation"];
pub(super) const AMOUNT_UNITS: &[&str] = &["Md€", "M€"];

/// What a quantity figure counts, and its unit.
pub(super) const QUANTITY_LABELS: &[&str] =
    &["postes créés", "lits ouverts", "places en formation"];
pub(super) const QUANTITY_UNITS: &[&str] = &["postes", "lits", "places"];

/// What the stakeholder does, in a note: on an Agreement, Partial, Gap, Silent or untagged cell.
pub(super) const AGREEMENT_OPENERS: &[&str] = &["salue", "accueille favorablement", "approuve"];
pub(super) const PARTIAL_OPENERS: &[&str] = &["prend acte de", "approuve en partie", "nuance"];
pub(super) const GAP_OPENERS: &[&str] = &["regrette", "juge insuffisante", "conteste"];
pub(super) const SILENT_OPENERS: &[&str] = &["ne se prononce pas sur", "reste muette sur"];
pub(super) const UNASSESSED_OPENERS: &[&str] = &[
    "doit encore être relue sur",
    "à croiser avec sa position sur",
];
