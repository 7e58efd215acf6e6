import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../../domain/evidence/content-disposition.ts';
import type { ProtestAttachmentContent } from './protest-attachments.service.ts';

/** Attachments are downloaded, never rendered by the app's origin (as evidence documents). */
const ATTACHMENT_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

/** Sends a protest attachment as a download with safe headers (member and CBP routes alike). */
export function sendProtestAttachment(reply: FastifyReply, content: ProtestAttachmentContent) {
  const type = content.contentType.startsWith('text/')
    ? `${content.contentType}; charset=utf-8`
    : content.contentType;
  return reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition('attachment', content.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', ATTACHMENT_POLICY)
    .send(content.bytes);
}
