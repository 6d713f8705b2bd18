// Where readers' feedback goes (PUBLIC_FEEDBACK_ENDPOINT, read at build time), or undefined when the deployment
// has no server for it ("off", or set empty): then the widget is not built and no search is reported.
export function feedbackEndpoint(
  value: string | undefined = import.meta.env.PUBLIC_FEEDBACK_ENDPOINT,
): string | undefined {
  if (value === undefined) return '/api/feedback';
  const trimmed = value.trim();
  return trimmed === '' || trimmed.toLowerCase() === 'off' ? undefined : trimmed;
}
