// The seed's real case (Grand Besançon Métropole, bureau of 9 June 2022, 9 000 € to the CMQ MSI), for the "Exemple"
// buttons and the tests: read from the demo script itself (src/Approvals.Server/Demo/seed-004.json, served at
// /Demo/seed-004.json), the one copy of the seed, so that the pages' example is the demo dossier.
import script from '../../Demo/seed-004.json' with { type: 'json' };

const freeze = (value) => {
  if (value && typeof value === 'object') Object.values(value).forEach(freeze);
  return Object.freeze(value);
};

const dossier = script.dossiers[0];

export const SEED_REQUEST = freeze(structuredClone(dossier.request));

// The vote as the secretariat enters it: the server reads the line's available credits itself.
const { $type, availableCredits, ...vote } = dossier.commands.find((c) => c.command.$type === 'RecordVote').command;

export const SEED_VOTE = freeze(structuredClone(vote));
