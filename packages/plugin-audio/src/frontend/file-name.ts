/** The name a downloaded clip is saved under: tag, run, step and sample, with the encoding's extension. */

const EXTENSIONS: Readonly<Record<string, string>> = { 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/mpeg': 'mp3', 'audio/ogg': 'ogg' };

/** @example clipFileName('audio/tone', 'adam/train', 3, 0, 'audio/wav') // 'audio_tone-adam_train-step3.wav' */
export function clipFileName(tag: string, run: string, step: number, sample: number, contentType: string, samples = 1): string {
  const safe = (s: string) => s.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || '_';
  const which = samples > 1 ? `-sample${sample + 1}` : '';
  return `${safe(tag)}-${safe(run)}-step${step}${which}.${EXTENSIONS[contentType] ?? 'bin'}`;
}
