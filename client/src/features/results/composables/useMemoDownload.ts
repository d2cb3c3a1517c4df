import { reactive, ref, type Ref } from 'vue';
import { dayjs } from '@/core/dayjs';
import { TIME_ZONE } from '@/core/dates';
import { t } from '@/features/results/i18n';
import { exportHref, type ReportKey } from './useReportSelection';

/** Today in Thailand, as the memo's `date` parameter counts it (`YYYY-MM-DD`). */
const todayInThailand = () => dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');

/**
 * บันทึกข้อความ of the shown report: the officer picks the date it is signed (today by default) and
 * the reference number, then downloads the PDF. The server checks the date and says in Thai what is
 * wrong with it, which the dialog shows.
 */
export function useMemoDownload(key: Ref<ReportKey>) {
  const form = reactive({ date: todayInThailand() as string | null, ref: '' });
  const downloading = ref(false);
  const errorMessage = ref('');

  function reset(): void {
    form.date = todayInThailand();
    form.ref = '';
    errorMessage.value = '';
  }

  /** The document's address with the chosen date and reference. */
  function href(): string {
    const query = new URLSearchParams();
    if (form.date) query.set('date', form.date);
    if (form.ref.trim()) query.set('ref', form.ref.trim());
    return `${exportHref('memo', 'pdf', key.value)}&${query.toString()}`;
  }

  /** Fetches the PDF and hands it to the browser as a download; false (and a message) when the server refused. */
  async function download(): Promise<boolean> {
    errorMessage.value = '';
    downloading.value = true;
    try {
      const res = await fetch(href(), { credentials: 'same-origin' });
      if (!res.ok) {
        errorMessage.value = (await res.text()) || t.reporting.overview.memoDialog.failed;
        return false;
      }
      const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name ? decodeURIComponent(name) : 'memo.pdf';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return true;
    } catch {
      errorMessage.value = t.reporting.overview.memoDialog.failed;
      return false;
    } finally {
      downloading.value = false;
    }
  }

  return { form, downloading, errorMessage, reset, href, download };
}
