// The seed's real case (Grand Besançon Métropole, bureau of 9 June 2022, 9 000 € to the CMQ MSI), for the
// "Exemple" buttons and the tests. The SIRET and RNA number are deliberately fake (the deliberation gives neither;
// SIREN 000000018 and department 000 are never assigned) but valid by their check digits, as in the demo script.

export const SEED_REQUEST = Object.freeze({
  receivedOn: '2022-05-02',
  beneficiary: {
    name: 'Campus des Métiers et des Qualifications Microtechniques et Systèmes Intelligents (CMQ MSI)',
    siret: '00000001800010',
    rna: 'W000000018',
    representative: 'Pascal Vairac',
    email: 'contact@cmq-msi.example.org',
    kind: 'Association',
  },
  object: "Soutien au programme d'actions 2022 du CMQ MSI sur le territoire de Grand Besançon Métropole : ateliers Technilab, dispositif P-TECH, visites du salon Micronora",
  actionsStart: '2022-01-01',
  actionsEnd: '2022-12-31',
  budget: {
    expenses: [
      { label: 'Salaires du personnel', amount: 2472 },
      { label: 'Charges personnel', amount: 618 },
      { label: 'Achats (études, fournitures, entretien)', amount: 6900 },
      { label: 'Services extérieurs (location, assurance, documentation)', amount: 1500 },
      { label: 'Autres services extérieurs (rémunérations intermédiaires, déplacements)', amount: 4300 },
    ],
    revenues: [
      { funder: 'Région Bourgogne Franche-Comté', amount: 5790, fromThisAuthority: false },
      { funder: 'Grand Besançon Métropole', amount: 9000, fromThisAuthority: true },
      { funder: "Rectorat de l'académie de Besançon", amount: 1000, fromThisAuthority: false },
    ],
  },
  amountRequested: 9000,
  budgetLine: { year: 2022, code: '65-23-6574', label: 'Enseignement supérieur' },
  paymentTerms: [{ label: '100 % à la signature de la convention', percent: 100, trigger: 'AtSignature' }],
  convention: {
    hasConvention: true,
    paymentWindowMonths: 2,
    reportDueDate: null,
    endDate: '2023-02-01',
    indicators: [
      'Effectifs concernés par chaque action et leurs profils',
      'Entreprises impliquées dans chaque action',
      'Transmission de la vidéo réalisée sur le salon Micronora',
    ],
  },
  caseOfficerEmail: 'agent.instructeur@grandbesancon.example.fr',
  programmeId: null,
  republicanCommitment: { signedOn: '2022-05-02', signatory: 'Pascal Vairac' },
});

export const SEED_PRESENT = Object.freeze([
  'Mme Frédérique BAEHR', 'Mme Catherine BARTHELET', 'M. Gabriel BAULIEU', 'Mme Marie-Jeanne BERNABEU', 'M. Nicolas BODIN',
  'M. François BOUSSO', 'M. Sébastien COUDRY', 'Mme Marie ETEVENARD', 'M. Marcel FELT', 'Mme Lorine GAGLIOLO',
  'M. Gilbert GAVIGNET', 'M. Olivier GRIMAITRE', 'M. Yves GUYEN', 'M. Daniel HUOT', 'M. Michel JASSEY', 'M. Frank LAIDIE',
  'M. Christophe LIME', 'M. Christian MAGNIN-FEYSOT', 'M. Yves MAURICE', 'M. Jean-Paul MICHAUD', 'M. Anthony NAPPEZ',
  'M. Gilles ORY', 'Mme Françoise PRESSE', 'M. Pascal ROUTHIER', 'M. Nathan SOURISSEAU', 'M. Fabrice TAILLARD',
  'Mme Anne VIGNOT', 'M. Benoit VUILLEMIN', 'Mme Marie ZEHAF',
]);

export const SEED_VOTE = Object.freeze({
  reportNumber: '2022-06-09-12',
  rapporteur: 'Anne VIGNOT',
  assembly: 'Bureau',
  sessionDate: '2022-06-09',
  attendance: {
    membersInOffice: 32,
    present: SEED_PRESENT,
    absent: ['Mme Anne BENEDETTO', 'M. Denis JACQUIN', 'M. Aurélien LAROPPE'],
    proxies: [
      { giver: 'M. Denis JACQUIN', holder: 'M. Frank LAIDIE' },
      { giver: 'M. Aurélien LAROPPE', holder: 'M. Nathan SOURISSEAU' },
    ],
    // Written as in the deliberation's text: "Benoît" with an accent, "Benoit" in the attendance.
    interested: ['Sébastien COUDRY', 'Benoît VUILLEMIN'],
  },
  tally: { for: 29, against: 0, abstention: 0 },
  secretBallot: false,
  presidentVotesFor: null,
  amountVoted: 9000,
  officers: { president: 'Mme Anne VIGNOT', secretary: 'M. Yves GUYEN', presidentTookPart: true },
});
