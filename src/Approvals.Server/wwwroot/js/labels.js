import { el } from './dom.js';

// French labels of the API's enums (the same words as the domain's StageLabels and CommandLabels).

export const STAGES = {
  Submitted: 'demande déposée',
  Adopted: "adoptée par l'assemblée",
  Transmitted: 'transmise en préfecture',
  Enforceable: 'reçue en préfecture',
  Signed: 'convention signée',
  Notified: 'notifiée',
  PaymentRequested: 'paiement demandé',
  ReportReceived: 'compte rendu reçu',
  FormalNotice: 'mise en demeure',
  Suspended: 'suspendue par le juge',
  Closed: 'soldée',
  RecoveryOrdered: 'reversement ordonné',
  Rejected: 'rejetée',
  Withdrawn: 'retirée',
  Lapsed: 'caduque',
  Terminated: 'convention résiliée',
  Annulled: 'annulée par le juge',
};

/** The badge colour family of a stage: running, attention, closed well, ended otherwise. */
export function stageTone(stage) {
  if (stage === 'Closed') return 'success';
  if (['FormalNotice', 'Suspended', 'RecoveryOrdered'].includes(stage)) return 'warning';
  if (['Rejected', 'Lapsed', 'Terminated', 'Annulled'].includes(stage)) return 'error';
  if (stage === 'Withdrawn') return 'neutral';
  return 'info';
}

/** The stage as a coloured badge that also says it in words. */
export function stageBadge(stage, label) {
  return el('span', { class: `badge badge-${stageTone(stage)}`, 'data-testid': 'stage-badge', 'data-stage': stage }, label || STAGES[stage] || stage);
}

export const ROLES = {
  CaseOfficer: 'agent instructeur',
  Secretariat: 'secrétariat des assemblées',
  Finance: 'service des finances',
  Reader: 'lecteur',
  Administrator: 'administrateur',
};

export const TRIGGERS = {
  AtSignature: 'à la signature',
  OnPaymentRequest: 'sur demande de paiement',
  OnFinalReport: 'sur compte rendu final',
  OnProgress: "sur état d'avancement",
};

export const DOCUMENT_KINDS = {
  Statutes: 'statuts',
  BankDetails: 'RIB',
  Budget: 'budget',
  SignedRequest: 'demande signée',
  Deliberation: 'délibération',
  Convention: 'convention',
  SignedConvention: 'convention signée',
  PaymentRequest: 'demande de paiement',
  FinancialReport: 'compte rendu financier',
  ActivityReport: "rapport d'activité",
  PrefectureLetter: 'courrier de la préfecture',
  Other: 'autre',
  ApprovedAccounts: 'derniers comptes approuvés',
};

export const LETTER_KINDS = {
  Plain: 'courrier simple',
  AdditionalDocumentsRequest: 'demande de pièces complémentaires',
  Observations: "lettre d'observations",
  CourtReferral: 'déféré au tribunal administratif',
};

export const RECOVERY_REASONS = {
  CostsShortfall: 'dépenses réelles inférieures au budget (prorata)',
  OtherUse: 'utilisation différente de celle prévue',
  ActionsNotCarriedOut: 'actions non réalisées en tout ou partie',
  ObligationsBreached: 'manquement aux obligations',
  SupportingDocumentsMissing: 'justificatifs non produits',
  ChangesNotNotified: 'modifications non notifiées',
};

export const COMMANDS = {
  RequestDocuments: 'demander des pièces',
  RecordVote: 'enregistrer le vote',
  RecordTransmission: 'transmettre en préfecture',
  RecordTransmissionFailure: 'signaler un échec de transmission',
  AcknowledgeReceipt: "enregistrer l'accusé de réception",
  RecordPrefectureLetter: 'enregistrer un courrier de la préfecture',
  SendAdditionalDocuments: 'envoyer les pièces complémentaires',
  RecordCourtDecision: 'enregistrer le jugement',
  SignConvention: 'signer la convention',
  Notify: 'notifier',
  RequestPayment: 'enregistrer une demande de paiement',
  RecordPayment: 'enregistrer un paiement',
  ReceiveReport: 'recevoir le compte rendu',
  AcceptReport: 'accepter le compte rendu',
  OrderRecovery: 'ordonner un reversement',
  SendFormalNotice: 'mettre en demeure',
  LiftFormalNotice: 'lever la mise en demeure',
  Terminate: 'résilier la convention',
  Withdraw: 'retirer la demande',
};
