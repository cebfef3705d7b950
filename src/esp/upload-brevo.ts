import { SendError } from '../errors.js';
import { describeFailure, requestJson, type DraftCampaign, type EspApi, type UploadedDraft } from './upload.js';

export const BREVO_API_URL = 'https://api.brevo.com/v3';

/**
 * Create a Brevo email campaign as a draft: POST /v3/emailCampaigns with the
 * key in the `api-key` header (https://developers.brevo.com/docs/how-it-works).
 * Without `scheduledAt` the campaign stays a draft; it is never sent from
 * here. Body fields: name, subject, sender {name, email}, htmlContent,
 * previewText, replyTo, recipients {listIds}, mirrorActive
 * (https://github.com/sendinblue/APIv3-php-library/blob/master/docs/Model/CreateEmailCampaign.md,
 * https://glama.ai/mcp/connectors/io.github.toasternet/delegaize/tools/create_brevo_email_campaign).
 * Brevo's campaign API takes no text part: Brevo makes it from the HTML.
 * Answers 201 {id}. 429 when the rate limit is reached (https://developers.brevo.com/docs/api-limits).
 * The draft opens at app.brevo.com/campaign/id/<id> (the campaign's page in Brevo's web app).
 */
export async function uploadBrevoDraft(api: EspApi, draft: DraftCampaign, options: { webVersion: boolean }): Promise<UploadedDraft> {
  if (draft.listId !== null && !/^\d+$/.test(draft.listId)) {
    throw new SendError(`"esp.listId" is "${draft.listId}", but Brevo lists have numeric ids: write the id shown under Contacts → Lists, e.g. "7"`);
  }
  const body = {
    name: draft.name,
    subject: draft.subject,
    previewText: draft.preheader,
    sender: { name: draft.from.name, email: draft.from.address },
    replyTo: draft.from.address,
    htmlContent: draft.html,
    ...(options.webVersion ? { mirrorActive: true } : {}),
    ...(draft.listId === null ? {} : { recipients: { listIds: [Number(draft.listId)] } }),
  };
  const response = await requestJson(api, 'Brevo', 'POST', '/emailCampaigns', { 'api-key': api.key }, body);
  if (response.status !== 201 && response.status !== 200) {
    throw describeFailure('Brevo', response, api, { keyVariable: 'BREVO_API_KEY', listId: draft.listId, what: 'create the campaign' });
  }
  const id = (response.body as { id?: unknown } | null)?.id;
  if (typeof id !== 'number' && typeof id !== 'string') throw new SendError(`Brevo answered ${response.status} without a campaign id: look for the draft "${draft.name}" under Campaigns`);
  return { provider: 'brevo', campaignId: String(id), link: `https://app.brevo.com/campaign/id/${encodeURIComponent(String(id))}` };
}
