import { SendError } from '../errors.js';
import { describeFailure, requestJson, type DraftCampaign, type EspApi, type UploadedDraft } from './upload.js';

/**
 * The data center a Mailchimp API key belongs to: the part after its last
 * "-" (`…-us21`); the API lives at https://<dc>.api.mailchimp.com/3.0
 * (https://unifyapps.com/docs/unify-integrations/mailchimp, https://www.rubydoc.info/gems/mailchimp3/1.5.2).
 */
export function mailchimpDataCenter(key: string): string {
  const dc = /-([a-z]+\d+)$/.exec(key.trim())?.[1];
  if (dc === undefined) throw new SendError('MAILCHIMP_API_KEY does not end in its data center ("…-us21"): copy the whole key from Account → Extras → API keys');
  return dc;
}

export function mailchimpApiUrl(key: string): string {
  return `https://${mailchimpDataCenter(key)}.api.mailchimp.com/3.0`;
}

/**
 * Create a Mailchimp campaign as a draft, in two steps: POST /3.0/campaigns
 * (type "regular", recipients.list_id, settings: subject_line, preview_text,
 * title, from_name, reply_to), then PUT /3.0/campaigns/{id}/content with
 * html and plain_text (https://mailchimp.com/developer/marketing/api/campaign-content/set-campaign-content/,
 * https://www.rubydoc.info/gems/mailchimp-rest-api/MailchimpAPI/Campaign/Content/APIs). Authentication is
 * HTTP Basic with any user name and the key as password. A new campaign is
 * a draft ("save"); it is never sent or scheduled from here.
 */
export async function uploadMailchimpDraft(api: EspApi, draft: DraftCampaign): Promise<UploadedDraft> {
  const auth = { authorization: `Basic ${Buffer.from(`punk-newsletter:${api.key}`).toString('base64')}` };
  const created = await requestJson(api, 'Mailchimp', 'POST', '/campaigns', auth, {
    type: 'regular',
    ...(draft.listId === null ? {} : { recipients: { list_id: draft.listId } }),
    settings: { subject_line: draft.subject, preview_text: draft.preheader, title: draft.name, from_name: draft.from.name, reply_to: draft.from.address },
  });
  if (created.status !== 200 && created.status !== 201) {
    throw describeFailure('Mailchimp', created, api, { keyVariable: 'MAILCHIMP_API_KEY', listId: draft.listId, what: 'create the campaign' });
  }
  const campaign = (created.body ?? {}) as { id?: unknown; web_id?: unknown };
  if (typeof campaign.id !== 'string' || campaign.id === '') throw new SendError(`Mailchimp answered ${created.status} without a campaign id: look for the draft "${draft.name}" under Campaigns`);
  const content = await requestJson(api, 'Mailchimp', 'PUT', `/campaigns/${encodeURIComponent(campaign.id)}/content`, auth, { html: draft.html, plain_text: draft.text });
  if (content.status !== 200) {
    const failure = describeFailure('Mailchimp', content, api, { keyVariable: 'MAILCHIMP_API_KEY', listId: null, what: 'take the content' });
    throw new SendError(`the draft campaign ${campaign.id} was created without its content: ${failure.message}; delete the empty draft in Mailchimp`);
  }
  const webId = typeof campaign.web_id === 'number' || typeof campaign.web_id === 'string' ? String(campaign.web_id) : campaign.id;
  return { provider: 'mailchimp', campaignId: campaign.id, link: `https://${mailchimpDataCenter(api.key)}.admin.mailchimp.com/campaigns/edit?id=${encodeURIComponent(webId)}` };
}
