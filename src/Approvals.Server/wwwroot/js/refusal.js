// A refusal as the API's problem details carry it: { code, field, rule, message }. Every check of the pages returns
// these, so that the form shows the same errors, at the same fields, as the server would.
export const refusal = (code, field, rule, message) => ({ code, field, rule, message });
