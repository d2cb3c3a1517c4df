import type { Language } from 'element-plus/es/locale';
import th from 'element-plus/es/locale/lang/th';

/**
 * Element Plus's Thai, with the words it leaves in English filled in: screen readers read these labels
 * (a dialog's close button, a tag's remove button, the pager, the date picker's hints).
 */
const closeDialog = 'ปิดหน้าต่างนี้';
export const elementPlusThai: Language = {
  ...th,
  el: {
    ...th.el,
    dialog: { close: closeDialog },
    drawer: { close: closeDialog },
    messagebox: { ...th.el.messagebox, close: closeDialog },
    tour: { ...th.el.tour, close: closeDialog },
    tag: { close: 'นำรายการนี้ออก' },
    inputNumber: { decrease: 'ลดค่า', increase: 'เพิ่มค่า' },
    dropdown: { toggleDropdown: 'เปิด/ปิดรายการ' },
    breadcrumb: { label: 'ตำแหน่งของหน้านี้' },
    popconfirm: { confirmButtonText: 'ใช่', cancelButtonText: 'ไม่' },
    pagination: {
      ...th.el.pagination,
      page: 'หน้า',
      prev: 'ไปหน้าก่อนหน้า',
      next: 'ไปหน้าถัดไป',
      currentPage: 'หน้า {pager}',
      prevPages: 'ย้อนไป {pager} หน้า',
      nextPages: 'ถัดไป {pager} หน้า',
    },
    table: {
      ...th.el.table,
      selectAllLabel: 'เลือกทุกแถว',
      selectRowLabel: 'เลือกแถวนี้',
      expandRowLabel: 'ขยายแถวนี้',
      collapseRowLabel: 'ย่อแถวนี้',
      sortLabel: 'เรียงตาม{column}',
      filterLabel: 'กรองตาม{column}',
    },
    datepicker: {
      ...th.el.datepicker,
      dateTablePrompt: 'ใช้ปุ่มลูกศรและ Enter เพื่อเลือกวันที่',
      monthTablePrompt: 'ใช้ปุ่มลูกศรและ Enter เพื่อเลือกเดือน',
      quarterTablePrompt: 'ใช้ปุ่มลูกศรและ Enter เพื่อเลือกไตรมาส',
      yearTablePrompt: 'ใช้ปุ่มลูกศรและ Enter เพื่อเลือกปี',
      selectedDate: 'วันที่เลือก',
      weeksFull: { sun: 'วันอาทิตย์', mon: 'วันจันทร์', tue: 'วันอังคาร', wed: 'วันพุธ', thu: 'วันพฤหัสบดี', fri: 'วันศุกร์', sat: 'วันเสาร์' },
    },
  },
};
