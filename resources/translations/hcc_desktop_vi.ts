<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>App</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened, so the program cannot start.</source>
        <translation>Không mở được cơ sở dữ liệu {path} nên chương trình không thể khởi động.</translation>
    </message>
    <message>
        <source>Before any upgrade a backup copy of the file is kept next to it (its name ends in .bak). Check that the disk is available and that no other copy of the program is using the file, then start again. Log files: {logs}</source>
        <translation>Trước mỗi lần nâng cấp, chương trình luôn giữ một bản sao lưu của tệp ngay bên cạnh (tên tệp kết thúc bằng .bak). Hãy kiểm tra ổ đĩa còn truy cập được và không có cửa sổ chương trình nào khác đang dùng tệp này, rồi khởi động lại. Thư mục nhật ký: {logs}</translation>
    </message>
    <message>
        <source>The database was upgraded; a backup copy was kept as {path}</source>
        <translation>Cơ sở dữ liệu đã được nâng cấp; bản sao lưu trước khi nâng cấp: {path}</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>Saturday session</source>
        <translation>Thứ Bảy</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Tại nhà</translation>
    </message>
    <message>
        <source>Postal</source>
        <translation>Bưu chính</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>Original</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Certified copy</source>
        <translation>Bản chứng thực</translation>
    </message>
    <message>
        <source>Photocopy</source>
        <translation>Bản photo</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Loại bản</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Digitised</source>
        <translation>Bản số hóa</translation>
    </message>
    <message>
        <source>Received (Space)</source>
        <translation>Đã nhận (Dấu cách)</translation>
    </message>
    <message>
        <source>Use a digitised copy already held instead of the paper (key S)</source>
        <translation>Dùng bản số hóa đã có thay cho giấy tờ (phím S)</translation>
    </message>
    <message>
        <source>Not received</source>
        <translation>Chưa nhận</translation>
    </message>
    <message>
        <source>Extra paper, not on the checklist (Delete removes it)</source>
        <translation>Giấy tờ thêm, không có trong thành phần hồ sơ (phím Delete để xóa)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Bắt buộc</translation>
    </message>
    <message>
        <source>Required: the dossier is submitted by an authorised person</source>
        <translation>Bắt buộc: hồ sơ do người được ủy quyền nộp</translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation>Trường hợp: %1</translation>
    </message>
</context>
<context>
    <name>DossierStatus</name>
    <message>
        <source>Newly registered</source>
        <translation>Mới đăng ký</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Được tiếp nhận</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Không được tiếp nhận</translation>
    </message>
    <message>
        <source>Being processed</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Additional papers requested</source>
        <translation>Yêu cầu bổ sung giấy tờ</translation>
    </message>
    <message>
        <source>Financial obligation requested</source>
        <translation>Yêu cầu thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Withdrawn by the citizen</source>
        <translation>Công dân yêu cầu rút hồ sơ</translation>
    </message>
    <message>
        <source>Processing stopped</source>
        <translation>Dừng xử lý</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Đã xử lý xong</translation>
    </message>
    <message>
        <source>Result returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Chủ hồ sơ</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Catalog not imported</source>
        <translation>Chưa nhập được danh mục</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>ExtraPaperDialog</name>
    <message>
        <source>Add another paper</source>
        <translation>Thêm giấy tờ khác</translation>
    </message>
    <message>
        <source>e.g. Sổ hộ khẩu cũ</source>
        <translation>Ví dụ: Sổ hộ khẩu cũ</translation>
    </message>
    <message>
        <source>&amp;Name of the paper</source>
        <translation>Tên &amp;giấy tờ</translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation>&amp;Loại bản</translation>
    </message>
    <message>
        <source>&amp;Count</source>
        <translation>&amp;Số lượng</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Receive a dossier</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Procedure</source>
        <translation>&amp;Thủ tục</translation>
    </message>
    <message>
        <source>Space: received · 1/2/3: original/certified/photocopy · +/−: count · S: digitised copy · F2: edit cell · Insert: other paper</source>
        <translation>Dấu cách: đã nhận · 1/2/3: bản chính/bản chứng thực/bản photo · +/−: số lượng · S: bản số hóa · F2: sửa ô · Insert: giấy tờ khác</translation>
    </message>
    <message>
        <source>Add &amp;other paper…</source>
        <translation>Thêm &amp;giấy tờ khác…</translation>
    </message>
    <message>
        <source>Submitter</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>Tại quầy</translation>
    </message>
    <message>
        <source>Saturday reception session</source>
        <translation>Buổi tiếp nhận ngày Thứ Bảy</translation>
    </message>
    <message>
        <source>At home</source>
        <translation>Tại nhà</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>Qua bưu chính</translation>
    </message>
    <message>
        <source>At the Center</source>
        <translation>Tại Trung tâm</translation>
    </message>
    <message>
        <source>By the public postal service</source>
        <translation>Qua dịch vụ bưu chính công ích</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Tiền mặt</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Chuyển khoản</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>Miễn</translation>
    </message>
    <message>
        <source>Change it only for a dossier received earlier (e.g. at a Saturday session)</source>
        <translation>Chỉ sửa khi nhập hồ sơ đã tiếp nhận trước đó (ví dụ tại buổi tiếp nhận ngày Thứ Bảy)</translation>
    </message>
    <message>
        <source>Use the current time</source>
        <translation>Lấy thời điểm hiện tại</translation>
    </message>
    <message>
        <source>&amp;Accept dossier</source>
        <translation>Tiếp &amp;nhận hồ sơ</translation>
    </message>
    <message>
        <source>Accept and print the receipt (Ctrl+Enter)</source>
        <translation>Tiếp nhận và in giấy tiếp nhận (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Guidance slip listing the papers the citizen still has to bring</source>
        <translation>Phiếu liệt kê các giấy tờ công dân còn phải bổ sung, hoàn thiện</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <source>Dossier papers</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Applicant (dossier owner)</source>
        <translation>Chủ hồ sơ</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Kênh tiếp nhận</translation>
    </message>
    <message>
        <source>Result &amp;delivery</source>
        <translation>Nơi nhận kết q&amp;uả</translation>
    </message>
    <message>
        <source>&amp;Fee</source>
        <translation>Phí, &amp;lệ phí</translation>
    </message>
    <message>
        <source>Pa&amp;yment</source>
        <translation>Hình thức nộp &amp;phí</translation>
    </message>
    <message>
        <source>(pages {first}–{last})</source>
        <translation>(trang {first}–{last})</translation>
    </message>
    <message>
        <source>(copies {first}–{last})</source>
        <translation>(bản {first}–{last})</translation>
    </message>
    <message>
        <source>(from page {first})</source>
        <translation>(từ trang {first})</translation>
    </message>
    <message>
        <source>(from copy {first})</source>
        <translation>(từ bản {first})</translation>
    </message>
    <message>
        <source>Submitted by another person (with a power of a&amp;ttorney)</source>
        <translation>Người khác nộp thay (có &amp;văn bản ủy quyền)</translation>
    </message>
    <message>
        <source>pages: </source>
        <translation>số trang: </translation>
    </message>
    <message>
        <source>copies: </source>
        <translation>số bản: </translation>
    </message>
    <message>
        <source>No&amp;w</source>
        <translation>Bâ&amp;y giờ</translation>
    </message>
    <message>
        <source>Print supplement g&amp;uidance (Form 02)</source>
        <translation>In phiếu yêu cầu bổ sung (Mẫu 0&amp;2)</translation>
    </message>
    <message>
        <source>Number of &amp;sets</source>
        <translation>Số &amp;bộ hồ sơ</translation>
    </message>
    <message>
        <source>Charged for</source>
        <translation>Tính phí theo</translation>
    </message>
    <message>
        <source>Recei&amp;ved at</source>
        <translation>Thời điể&amp;m tiếp nhận</translation>
    </message>
    <message>
        <source>Not&amp;e</source>
        <translation>Ghi &amp;chú</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
        <source>Same day</source>
        <translation>Trong ngày</translation>
    </message>
    <message>
        <source>{days} working days</source>
        <translation>{days} ngày làm việc</translation>
    </message>
    <message>
        <source>per dossier</source>
        <translation>mỗi hồ sơ</translation>
    </message>
    <message>
        <source>per copy</source>
        <translation>mỗi bản</translation>
    </message>
    <message>
        <source>per page</source>
        <translation>mỗi trang</translation>
    </message>
    <message>
        <source>at most {amount} per copy</source>
        <translation>tối đa {amount} mỗi bản</translation>
    </message>
    <message>
        <source>No fee</source>
        <translation>Không thu phí</translation>
    </message>
    <message>
        <source>Type a few words of the procedure&apos;s name or its code, then ↓ and Enter.</source>
        <translation>Gõ vài chữ trong tên hoặc mã thủ tục, rồi nhấn ↓ và Enter.</translation>
    </message>
    <message>
        <source>Field: {field}</source>
        <translation>Lĩnh vực: {field}</translation>
    </message>
    <message>
        <source>Processing time: {days}</source>
        <translation>Thời hạn giải quyết: {days}</translation>
    </message>
    <message>
        <source>Fee: {fee}</source>
        <translation>Phí, lệ phí: {fee}</translation>
    </message>
    <message>
        <source>Use the alternative time limit: {days}</source>
        <translation>Áp dụng thời hạn khác: {days}</translation>
    </message>
    <message>
        <source>Result appointment: {when}</source>
        <translation>Hẹn trả kết quả: {when}</translation>
    </message>
    <message>
        <source>choose a procedure</source>
        <translation>chọn thủ tục</translation>
    </message>
    <message>
        <source>{hour}:{minute}, {date}</source>
        <translation>{hour} giờ {minute} phút, ngày {date}</translation>
    </message>
    <message>
        <source>✔ Dossier &lt;b&gt;{code}&lt;/b&gt; accepted ({name} – {procedure}). Result appointment: &lt;b&gt;{due}&lt;/b&gt;.</source>
        <translation>✔ Đã tiếp nhận hồ sơ &lt;b&gt;{code}&lt;/b&gt; ({name} – {procedure}). Hẹn trả kết quả: &lt;b&gt;{due}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Receipt {code}</source>
        <translation>Giấy tiếp nhận {code}</translation>
    </message>
    <message>
        <source>Supplement guidance (Form 02)</source>
        <translation>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)</translation>
    </message>
    <message>
        <source>Tick them if they were brought, or print the supplement guidance (Form 02).</source>
        <translation>Đánh dấu nếu công dân đã nộp, hoặc in Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02).</translation>
    </message>
    <message>
        <source>(not set: enter it in Settings)</source>
        <translation>(chưa có: hãy nhập trong Cài đặt)</translation>
    </message>
    <message>
        <source>Discard this dossier?</source>
        <translation>Bỏ hồ sơ đang nhập?</translation>
    </message>
    <message>
        <source>The information typed for this dossier will be lost. Close anyway?</source>
        <translation>Thông tin đã nhập cho hồ sơ này sẽ bị mất. Vẫn đóng?</translation>
    </message>
    <message>
        <source>&amp;Discard and close</source>
        <translation>&amp;Bỏ và đóng</translation>
    </message>
    <message>
        <source>&amp;Keep typing</source>
        <translation>&amp;Tiếp tục nhập</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search dossier code, full name, CCCD, phone number…</source>
        <translation>Tìm mã hồ sơ, họ tên, CCCD, số điện thoại…</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Tìm kiếm:</translation>
    </message>
    <message>
        <source>Receive a new dossier (F2)</source>
        <translation>Tiếp nhận hồ sơ mới (F2)</translation>
    </message>
    <message>
        <source>Print the receipt (Mẫu 01) of the selected dossier again (Ctrl+P)</source>
        <translation>In lại Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) của hồ sơ đang chọn (Ctrl+P)</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <source>Change &amp;officer on duty…</source>
        <translation>Đổi cán bộ &amp;trực…</translation>
    </message>
    <message>
        <source>&amp;Import procedure catalog…</source>
        <translation>&amp;Nhập danh mục thủ tục…</translation>
    </message>
    <message>
        <source>&amp;Export procedure catalog…</source>
        <translation>&amp;Xuất danh mục thủ tục…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Th&amp;oát</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Tìm &amp;kiếm</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>&amp;Dossiers</source>
        <translation>&amp;Hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Catalog</source>
        <translation>&amp;Danh mục</translation>
    </message>
    <message>
        <source>&amp;Receive dossier</source>
        <translation>&amp;Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>Re&amp;print receipt</source>
        <translation>&amp;In lại giấy tiếp nhận</translation>
    </message>
    <message>
        <source>S&amp;ystem</source>
        <translation>Hệ thố&amp;ng</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <source>HCC Desktop – {unit}</source>
        <translation>HCC Desktop – {unit}</translation>
    </message>
    <message>
        <source>Unit: {name} ({code})</source>
        <translation>Đơn vị: {name} ({code})</translation>
    </message>
    <message>
        <source>Device: {name} (number {slot})</source>
        <translation>Thiết bị: {name} (số {slot})</translation>
    </message>
    <message>
        <source>Officer: {name}</source>
        <translation>Cán bộ trực: {name}</translation>
    </message>
    <message>
        <source>No officer on duty</source>
        <translation>Chưa có cán bộ trực</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Cơ sở dữ liệu: {path}</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Đã lưu cài đặt.</translation>
    </message>
    <message>
        <source>Search results ({count})</source>
        <translation>Kết quả tìm kiếm ({count})</translation>
    </message>
    <message>
        <source>No dossier matches “{text}”.</source>
        <translation>Không tìm thấy hồ sơ nào khớp với “{text}”.</translation>
    </message>
    <message>
        <source>Dossiers received today ({count})</source>
        <translation>Hồ sơ tiếp nhận hôm nay ({count})</translation>
    </message>
    <message>
        <source>No dossier has been received today.
Press F2 to receive one.</source>
        <translation>Hôm nay chưa tiếp nhận hồ sơ nào.
Nhấn F2 để tiếp nhận hồ sơ.</translation>
    </message>
    <message>
        <source>Dossier {code} received.</source>
        <translation>Đã tiếp nhận hồ sơ {code}.</translation>
    </message>
    <message>
        <source>Preparing the receipt of {code}…</source>
        <translation>Đang tạo giấy tiếp nhận của hồ sơ {code}…</translation>
    </message>
    <message>
        <source>Receipt {code}</source>
        <translation>Giấy tiếp nhận {code}</translation>
    </message>
    <message>
        <source>Import procedure catalog</source>
        <translation>Nhập danh mục thủ tục</translation>
    </message>
    <message>
        <source>Procedure catalogs (*.json);;All files (*)</source>
        <translation>Danh mục thủ tục (*.json);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>How should the file be applied?</source>
        <translation>Áp dụng tệp danh mục theo cách nào?</translation>
    </message>
    <message>
        <source>“Add and update” keeps the procedures the file does not list. “Replace the whole catalog” stops using them (dossiers already received keep them).</source>
        <translation>“Thêm và cập nhật” giữ nguyên các thủ tục không có trong tệp. “Thay toàn bộ danh mục” sẽ ngừng áp dụng các thủ tục đó (hồ sơ đã tiếp nhận vẫn giữ nguyên thủ tục của mình).</translation>
    </message>
    <message>
        <source>&amp;Add and update</source>
        <translation>&amp;Thêm và cập nhật</translation>
    </message>
    <message>
        <source>&amp;Replace the whole catalog</source>
        <translation>Thay toàn &amp;bộ danh mục</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Importing the procedure catalog…</source>
        <translation>Đang nhập danh mục thủ tục…</translation>
    </message>
    <message>
        <source>The procedure catalog was imported.

Added: {added}
Updated: {updated}
Unchanged: {unchanged}
No longer used: {deactivated}</source>
        <translation>Đã nhập danh mục thủ tục.

Thêm mới: {added}
Cập nhật: {updated}
Không thay đổi: {unchanged}
Ngừng áp dụng: {deactivated}</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>Thêm mới:</translation>
    </message>
    <message>
        <source>Updated (changed fields):</source>
        <translation>Cập nhật (các trường thay đổi):</translation>
    </message>
    <message>
        <source>No longer used:</source>
        <translation>Ngừng áp dụng:</translation>
    </message>
    <message>
        <source>Procedure catalog</source>
        <translation>Danh mục thủ tục</translation>
    </message>
    <message>
        <source>Export procedure catalog</source>
        <translation>Xuất danh mục thủ tục</translation>
    </message>
    <message>
        <source>Procedure catalogs (*.json)</source>
        <translation>Danh mục thủ tục (*.json)</translation>
    </message>
    <message>
        <source>{count} procedures were exported to
{path}</source>
        <translation>Đã xuất {count} thủ tục ra tệp
{path}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HCC Desktop {version}&lt;/h3&gt;&lt;p&gt;Receiving dossiers at the one-stop counter of a ward or commune Public Administrative Service Center, without needing a network.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;br&gt;Log files: {logs}&lt;/p&gt;&lt;p&gt;Qt {qt}, Python {python}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HCC Desktop {version}&lt;/h3&gt;&lt;p&gt;Phần mềm tiếp nhận hồ sơ tại bộ phận một cửa của Trung tâm Phục vụ hành chính công phường, xã; hoạt động không cần kết nối mạng.&lt;/p&gt;&lt;p&gt;Cơ sở dữ liệu: {db}&lt;br&gt;Thư mục nhật ký: {logs}&lt;/p&gt;&lt;p&gt;Qt {qt}, Python {python}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About HCC Desktop</source>
        <translation>Giới thiệu HCC Desktop</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This field is required</source>
        <translation>Không được để trống</translation>
    </message>
    <message>
        <source>Unknown value</source>
        <translation>Giá trị không có trong danh sách</translation>
    </message>
    <message>
        <source>Procedure {code} is no longer in use</source>
        <translation>Thủ tục {code} đã ngừng áp dụng</translation>
    </message>
    <message>
        <source>Invalid value</source>
        <translation>Giá trị không hợp lệ</translation>
    </message>
    <message>
        <source>Must be between {min} and {max}</source>
        <translation>Phải từ {min} đến {max}</translation>
    </message>
    <message>
        <source>Entered twice</source>
        <translation>Bị nhập trùng</translation>
    </message>
    <message>
        <source>Missing required papers: {names}</source>
        <translation>Thiếu thành phần bắt buộc: {names}</translation>
    </message>
    <message>
        <source>The time of receipt cannot be in the future</source>
        <translation>Thời điểm tiếp nhận không được sau thời điểm hiện tại</translation>
    </message>
    <message>
        <source>Cannot be negative</source>
        <translation>Không được là số âm</translation>
    </message>
    <message>
        <source>This procedure has no alternative processing time</source>
        <translation>Thủ tục này không có thời hạn giải quyết khác</translation>
    </message>
    <message>
        <source>Every required paper is present: no request to complete the dossier is needed</source>
        <translation>Hồ sơ đã đủ thành phần bắt buộc, không cần phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</translation>
    </message>
    <message>
        <source>The unit identifier code is not valid (for example 000.17.22.H56)</source>
        <translation>Mã định danh đơn vị không đúng định dạng (ví dụ 000.17.22.H56)</translation>
    </message>
    <message>
        <source>The address must start with http:// or https://</source>
        <translation>Địa chỉ phải bắt đầu bằng http:// hoặc https://</translation>
    </message>
    <message>
        <source>Not supported</source>
        <translation>Không được hỗ trợ</translation>
    </message>
    <message>
        <source>Cannot read the file {path}: {reason}</source>
        <translation>Không đọc được tệp {path}: {reason}</translation>
    </message>
    <message>
        <source>The file {path} is not valid JSON (line {line})</source>
        <translation>Tệp {path} không đúng định dạng JSON (dòng {line})</translation>
    </message>
    <message>
        <source>A CCCD number contains digits only</source>
        <translation>Số CCCD chỉ gồm các chữ số</translation>
    </message>
    <message>
        <source>A CCCD number has {expected} digits ({length} entered)</source>
        <translation>Số CCCD phải có {expected} chữ số (đang nhập {length})</translation>
    </message>
    <message>
        <source>Province code {province_code} on the CCCD does not exist</source>
        <translation>Mã tỉnh {province_code} trên CCCD không tồn tại</translation>
    </message>
    <message>
        <source>The 4th digit of the CCCD is {digit}, but for someone born in {birth_year} it must be {expected_digit}</source>
        <translation>Chữ số thứ 4 của CCCD là {digit}, nhưng người sinh năm {birth_year} phải là {expected_digit}</translation>
    </message>
    <message>
        <source>Digits 5–6 of the CCCD are {digits}, but the year of birth gives {expected_digits}</source>
        <translation>Chữ số thứ 5–6 của CCCD là {digits}, không khớp với năm sinh (phải là {expected_digits})</translation>
    </message>
    <message>
        <source>The 4th digit of the CCCD is {digit}, which does not match the gender {gender} (expected {expected_digit})</source>
        <translation>Chữ số thứ 4 của CCCD là {digit}, không khớp với giới tính {gender} (phải là {expected_digit})</translation>
    </message>
    <message>
        <source>A CMND number contains digits only</source>
        <translation>Số CMND chỉ gồm các chữ số</translation>
    </message>
    <message>
        <source>A CMND number has {expected} digits ({length} entered)</source>
        <translation>Số CMND phải có {expected} chữ số (đang nhập {length})</translation>
    </message>
    <message>
        <source>A passport number has 6 to 9 capital letters and digits</source>
        <translation>Số hộ chiếu gồm từ 6 đến 9 chữ cái in hoa và chữ số</translation>
    </message>
    <message>
        <source>Contains characters that are not allowed: {chars}</source>
        <translation>Có ký tự không hợp lệ: {chars}</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>Quá ngắn</translation>
    </message>
    <message>
        <source>Invalid date of birth (dd/MM/yyyy)</source>
        <translation>Ngày sinh không hợp lệ (nhập theo dạng ngày/tháng/năm)</translation>
    </message>
    <message>
        <source>The date of birth is in the future</source>
        <translation>Ngày sinh không được sau ngày hôm nay</translation>
    </message>
    <message>
        <source>The date of birth is more than {max_years} years ago</source>
        <translation>Ngày sinh cách đây quá {max_years} năm</translation>
    </message>
    <message>
        <source>Gender must be male or female</source>
        <translation>Giới tính phải là Nam hoặc Nữ</translation>
    </message>
    <message>
        <source>Invalid phone number: a mobile number has 10 digits starting with 03, 05, 07, 08 or 09; a landline number starts with 02</source>
        <translation>Số điện thoại không hợp lệ: số di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định bắt đầu bằng 02</translation>
    </message>
    <message>
        <source>Invalid e-mail address</source>
        <translation>Địa chỉ email không hợp lệ</translation>
    </message>
    <message>
        <source>Invalid date of issue (dd/MM/yyyy)</source>
        <translation>Ngày cấp không hợp lệ (nhập theo dạng ngày/tháng/năm)</translation>
    </message>
    <message>
        <source>The date of issue is in the future</source>
        <translation>Ngày cấp không được sau ngày hôm nay</translation>
    </message>
    <message>
        <source>The date of issue is before the date of birth</source>
        <translation>Ngày cấp không được trước ngày sinh</translation>
    </message>
    <message>
        <source>Unknown type of identity paper: {value}</source>
        <translation>Loại giấy tờ tùy thân không hợp lệ: {value}</translation>
    </message>
    <message>
        <source>No officer name is set: enter it in Settings</source>
        <translation>Chưa có tên cán bộ tiếp nhận: hãy nhập trong Cài đặt</translation>
    </message>
    <message>
        <source>Enter the name of the paper</source>
        <translation>Nhập tên giấy tờ</translation>
    </message>
    <message>
        <source>The name is too short (at least {min_letters} letters)</source>
        <translation>Họ tên quá ngắn (ít nhất {min_letters} chữ cái)</translation>
    </message>
    <message>
        <source>The address is too short (at least {min_length} characters)</source>
        <translation>Địa chỉ quá ngắn (ít nhất {min_length} ký tự)</translation>
    </message>
    <message>
        <source>Procedure {code} is not in the catalog</source>
        <translation>Thủ tục {code} không có trong danh mục</translation>
    </message>
    <message>
        <source>This paper is not on the checklist of the procedure</source>
        <translation>Giấy tờ này không thuộc thành phần hồ sơ của thủ tục</translation>
    </message>
    <message>
        <source>This paper is listed twice</source>
        <translation>Giấy tờ này bị nhập hai lần</translation>
    </message>
    <message>
        <source>The date {day} is listed twice</source>
        <translation>Ngày {day} bị nhập trùng</translation>
    </message>
    <message>
        <source>Invalid date: {value}</source>
        <translation>Ngày không hợp lệ: {value}</translation>
    </message>
    <message>
        <source>The kind must be “Day off” or “Make-up day”</source>
        <translation>Loại ngày phải là “Nghỉ” hoặc “Làm bù”</translation>
    </message>
    <message>
        <source>Invalid office hours: each session must start before it ends, and the afternoon must come after the morning</source>
        <translation>Giờ làm việc không hợp lệ: giờ bắt đầu của mỗi buổi phải trước giờ kết thúc, buổi chiều phải sau buổi sáng</translation>
    </message>
    <message>
        <source>This is not a calendar file of HCC Desktop</source>
        <translation>Đây không phải tệp lịch ngày nghỉ của HCC Desktop</translation>
    </message>
    <message>
        <source>File version {version} is not supported</source>
        <translation>Không hỗ trợ phiên bản tệp {version}</translation>
    </message>
    <message>
        <source>This language is not supported</source>
        <translation>Ngôn ngữ này chưa được hỗ trợ</translation>
    </message>
    <message>
        <source>The fee cannot be negative</source>
        <translation>Phí, lệ phí không được là số âm</translation>
    </message>
    <message>
        <source>An error occurred</source>
        <translation>Đã xảy ra lỗi</translation>
    </message>
    <message>
        <source>Some information is not valid</source>
        <translation>Một số thông tin chưa hợp lệ</translation>
    </message>
    <message>
        <source>The QR code could not be read</source>
        <translation>Không đọc được mã QR</translation>
    </message>
    <message>
        <source>The QR code is empty: scan it again</source>
        <translation>Mã QR trống: hãy quét lại</translation>
    </message>
    <message>
        <source>This is not the QR code of a chip-based CCCD: scan it again</source>
        <translation>Đây không phải mã QR trên CCCD gắn chip: hãy quét lại</translation>
    </message>
    <message>
        <source>Only part of the QR code was read ({fields} of {expected} fields): scan it again</source>
        <translation>Mới đọc được một phần mã QR ({fields}/{expected} trường thông tin): hãy quét lại</translation>
    </message>
    <message>
        <source>The QR code holds an invalid date: scan it again</source>
        <translation>Mã QR có ngày tháng không hợp lệ: hãy quét lại</translation>
    </message>
    <message>
        <source>The ID number in the QR code is invalid: {reason}</source>
        <translation>Số CCCD trong mã QR không hợp lệ: {reason}</translation>
    </message>
    <message>
        <source>The data in the QR code do not agree: {reason}</source>
        <translation>Thông tin trong mã QR không khớp nhau: {reason}</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <source>Dossier {key} was not found</source>
        <translation>Không tìm thấy hồ sơ {key}</translation>
    </message>
    <message>
        <source>The data were changed elsewhere: reload them and try again</source>
        <translation>Dữ liệu vừa được thay đổi ở nơi khác: hãy tải lại rồi thực hiện lại</translation>
    </message>
    <message>
        <source>The dossier code is already used by another device. Every device of the unit needs its own device number (Settings, tab Device &amp; officer).</source>
        <translation>Mã hồ sơ đã được một thiết bị khác sử dụng. Mỗi thiết bị của đơn vị phải có số thứ tự riêng (Cài đặt, thẻ Thiết bị &amp; cán bộ).</translation>
    </message>
    <message>
        <source>The procedure catalog file was rejected; nothing was imported</source>
        <translation>Tệp danh mục thủ tục không hợp lệ; chưa có thủ tục nào được nhập</translation>
    </message>
    <message>
        <source>This device (number {device_slot}) has used all its dossier codes for {day}: receive further dossiers on another device</source>
        <translation>Thiết bị này (số {device_slot}) đã dùng hết mã hồ sơ của ngày {day}: hãy tiếp nhận các hồ sơ tiếp theo trên thiết bị khác</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>Không sử dụng được cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The data could not be written to the database; nothing was saved. Try again.</source>
        <translation>Không ghi được dữ liệu vào cơ sở dữ liệu; chưa có gì được lưu. Hãy thực hiện lại.</translation>
    </message>
    <message>
        <source>The database {path} could not be opened or upgraded</source>
        <translation>Không mở hoặc nâng cấp được cơ sở dữ liệu {path}</translation>
    </message>
    <message>
        <source>The document could not be produced</source>
        <translation>Không tạo được văn bản để in</translation>
    </message>
    <message>
        <source>The file {path} could not be saved: {detail}</source>
        <translation>Không lưu được tệp {path}: {detail}</translation>
    </message>
    <message>
        <source>The print font is missing: {path}</source>
        <translation>Thiếu phông chữ để in: {path}</translation>
    </message>
    <message>
        <source>The print font cannot be used: {path}</source>
        <translation>Không dùng được phông chữ để in: {path}</translation>
    </message>
    <message>
        <source>Synchronisation failed</source>
        <translation>Đồng bộ không thành công</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số giấy tờ tùy thân</translation>
    </message>
    <message>
        <source>Type of identity paper</source>
        <translation>Loại giấy tờ tùy thân</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Date of issue</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Dossier papers</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh tiếp nhận</translation>
    </message>
    <message>
        <source>Time of receipt</source>
        <translation>Thời điểm tiếp nhận</translation>
    </message>
    <message>
        <source>Where the result is collected</source>
        <translation>Nơi nhận kết quả</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Hình thức nộp phí</translation>
    </message>
    <message>
        <source>Fees and charges</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>Number of sets</source>
        <translation>Số bộ hồ sơ</translation>
    </message>
    <message>
        <source>Number of pages charged</source>
        <translation>Số trang tính phí</translation>
    </message>
    <message>
        <source>Number of copies charged</source>
        <translation>Số bản tính phí</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Receiving officer</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
        <source>Unit identifier code</source>
        <translation>Mã định danh đơn vị</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Device number</source>
        <translation>Số thứ tự thiết bị</translation>
    </message>
    <message>
        <source>Public lookup address</source>
        <translation>Địa chỉ tra cứu</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Due-soon warning</source>
        <translation>Cảnh báo sắp đến hạn</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Giờ làm việc</translation>
    </message>
    <message>
        <source>Days off and make-up working days</source>
        <translation>Ngày nghỉ và ngày làm bù</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Định dạng tệp</translation>
    </message>
    <message>
        <source>File version</source>
        <translation>Phiên bản tệp</translation>
    </message>
    <message>
        <source>Number of days</source>
        <translation>Số ngày</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Chủ hồ sơ</translation>
    </message>
    <message>
        <source>Submitter</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Invalid value ({code})</source>
        <translation>Giá trị không hợp lệ ({code})</translation>
    </message>
    <message>
        <source>{label}, line {number}</source>
        <translation>{label}, dòng {number}</translation>
    </message>
    <message>
        <source>{role} – {label}</source>
        <translation>{role} – {label}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… và {count} lỗi khác</translation>
    </message>
</context>
<context>
    <name>OfficerDialog</name>
    <message>
        <source>Officer on duty</source>
        <translation>Cán bộ trực</translation>
    </message>
    <message>
        <source>Enter the name of the officer receiving dossiers on this computer. It is recorded with every dossier and printed on the receipt.</source>
        <translation>Nhập họ tên cán bộ tiếp nhận hồ sơ trên máy này. Tên được ghi vào từng hồ sơ và in trên giấy tiếp nhận.</translation>
    </message>
    <message>
        <source>e.g. Trần Thị Bình</source>
        <translation>Ví dụ: Trần Thị Bình</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ tên:</translation>
    </message>
    <message>
        <source>&amp;Phone (optional):</source>
        <translation>Điện &amp;thoại (không bắt buộc):</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Enter the officer&apos;s name</source>
        <translation>Hãy nhập họ tên cán bộ</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>− Zoom out</source>
        <translation>− Thu nhỏ</translation>
    </message>
    <message>
        <source>+ Zoom in</source>
        <translation>+ Phóng to</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>Vừa chiều &amp;rộng</translation>
    </message>
    <message>
        <source>Fit the page to the window width (Ctrl+0)</source>
        <translation>Hiển thị trang vừa chiều rộng cửa sổ (Ctrl+0)</translation>
    </message>
    <message>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>&amp;In… (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Lưu PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <source>{count} page(s)</source>
        <translation>{count} trang</translation>
    </message>
    <message>
        <source>The document cannot be displayed</source>
        <translation>Không hiển thị được văn bản</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>In {title}</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Không khởi động được máy in.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>As on the identity paper</source>
        <translation>Như trên giấy tờ tùy thân</translation>
    </message>
    <message>
        <source>12-digit CCCD, 9-digit CMND or passport</source>
        <translation>CCCD 12 số, CMND 9 số hoặc hộ chiếu</translation>
    </message>
    <message>
        <source>Day/month/year, e.g. 15032003</source>
        <translation>Ngày/tháng/năm, ví dụ 15032003</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>e.g. 0912 345 678</source>
        <translation>Ví dụ: 0912 345 678</translation>
    </message>
    <message>
        <source>Permanent or current address</source>
        <translation>Nơi thường trú hoặc nơi ở hiện tại</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>&amp;Họ tên</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>Số CCC&amp;D/giấy tờ</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>Ngày &amp;sinh</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>Giớ&amp;i tính</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Điện th&amp;oại</translation>
    </message>
    <message>
        <source>Add&amp;ress</source>
        <translation>Đị&amp;a chỉ</translation>
    </message>
    <message>
        <source>E-&amp;mail (optional)</source>
        <translation>&amp;Email (không bắt buộc)</translation>
    </message>
    <message>
        <source>CCCD QR code read</source>
        <translation>Đã đọc mã QR trên CCCD</translation>
    </message>
</context>
<context>
    <name>ProcedureFinder</name>
    <message>
        <source>Find a procedure by name or code…</source>
        <translation>Tìm thủ tục theo tên hoặc mã…</translation>
    </message>
    <message>
        <source>No procedure matches “%1”</source>
        <translation>Không có thủ tục nào khớp với “%1”</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>Đơn &amp;vị</translation>
    </message>
    <message>
        <source>&amp;Device &amp;&amp; officer</source>
        <translation>Thiết &amp;bị &amp;&amp; cán bộ</translation>
    </message>
    <message>
        <source>&amp;Office hours &amp;&amp; days off</source>
        <translation>&amp;Giờ làm việc &amp;&amp; ngày nghỉ</translation>
    </message>
    <message>
        <source>P&amp;rinting</source>
        <translation>&amp;In ấn</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>e.g. UBND PHƯỜNG HOÀI NHƠN BẮC</source>
        <translation>Ví dụ: UBND PHƯỜNG HOÀI NHƠN BẮC</translation>
    </message>
    <message>
        <source>Unit &amp;name:</source>
        <translation>&amp;Tên đơn vị:</translation>
    </message>
    <message>
        <source>Unit identifier &amp;code:</source>
        <translation>&amp;Mã định danh đơn vị:</translation>
    </message>
    <message>
        <source>The code of the unit in the national list of electronic identifiers; it begins every dossier code.</source>
        <translation>Mã định danh điện tử của đơn vị theo danh mục quốc gia; là phần đầu của mọi mã hồ sơ.</translation>
    </message>
    <message>
        <source>&amp;Parent body:</source>
        <translation>Cơ &amp;quan chủ quản:</translation>
    </message>
    <message>
        <source>Printed top left on every slip, in capitals.</source>
        <translation>In ở góc trên bên trái của mọi phiếu, bằng chữ in hoa.</translation>
    </message>
    <message>
        <source>Unit p&amp;hone:</source>
        <translation>Điện th&amp;oại đơn vị:</translation>
    </message>
    <message>
        <source>Public loo&amp;kup address:</source>
        <translation>Địa chỉ t&amp;ra cứu:</translation>
    </message>
    <message>
        <source>Device num&amp;ber:</source>
        <translation>&amp;Số thứ tự thiết bị:</translation>
    </message>
    <message>
        <source>Offi&amp;cer on duty:</source>
        <translation>&amp;Cán bộ trực:</translation>
    </message>
    <message>
        <source>Due-soon &amp;warning:</source>
        <translation>Cảnh báo sắp đến &amp;hạn:</translation>
    </message>
    <message>
        <source>Add da&amp;y</source>
        <translation>Thêm ngà&amp;y</translation>
    </message>
    <message>
        <source>Remo&amp;ve day</source>
        <translation>&amp;Xóa ngày</translation>
    </message>
    <message>
        <source>Y&amp;ear:</source>
        <translation>Nă&amp;m:</translation>
    </message>
    <message>
        <source>Computed from the Labour Code, lunar dates included; shown for reference. Saturdays and Sundays are days off unless listed as make-up days.</source>
        <translation>Tính theo Bộ luật Lao động, kể cả các ngày theo âm lịch; chỉ để tham khảo. Thứ Bảy, Chủ nhật là ngày nghỉ, trừ ngày làm bù.</translation>
    </message>
    <message>
        <source>Interface lan&amp;guage:</source>
        <translation>Ngôn ngữ &amp;hiển thị:</translation>
    </message>
    <message>
        <source>Web address where citizens look up their dossier; {code} is replaced by the dossier code. It is printed as a QR code on the receipt. Leave it empty to print the dossier code only.</source>
        <translation>Địa chỉ trang web để người dân tra cứu hồ sơ; {code} sẽ được thay bằng mã hồ sơ. Địa chỉ này được in thành mã QR trên giấy tiếp nhận. Để trống nếu chỉ in mã hồ sơ.</translation>
    </message>
    <message>
        <source>e.g. Counter 1</source>
        <translation>Ví dụ: Quầy 1</translation>
    </message>
    <message>
        <source>Device &amp;name:</source>
        <translation>&amp;Tên thiết bị:</translation>
    </message>
    <message>
        <source>Place na&amp;me:</source>
        <translation>Đị&amp;a danh:</translation>
    </message>
    <message>
        <source>Used in the line “&lt;place&gt;, ngày … tháng … năm …” of the slips.</source>
        <translation>Dùng cho dòng “&lt;địa danh&gt;, ngày … tháng … năm …” trên các phiếu.</translation>
    </message>
    <message>
        <source>Every device of the unit that receives dossiers (counter PCs, the laptop of the Saturday session…) needs its own number from 0 to 9. The number decides the dossier codes the device gives out: number 0 gives …-0001, …-0002, number 1 gives …-1001, …-1002. Two devices with the same number would give the same codes.</source>
        <translation>Mỗi thiết bị của đơn vị dùng để tiếp nhận hồ sơ (máy tính tại quầy, máy tính xách tay tiếp nhận ngày Thứ Bảy…) phải có một số thứ tự riêng từ 0 đến 9. Số này quyết định mã hồ sơ do thiết bị cấp: số 0 cấp …-0001, …-0002; số 1 cấp …-1001, …-1002. Hai thiết bị trùng số sẽ cấp trùng mã hồ sơ.</translation>
    </message>
    <message>
        <source>Recorded as the receiving officer of every dossier.</source>
        <translation>Được ghi là cán bộ tiếp nhận của mọi hồ sơ.</translation>
    </message>
    <message>
        <source>Officer &amp;phone:</source>
        <translation>Điện th&amp;oại cán bộ:</translation>
    </message>
    <message>
        <source>Printed on the request to complete a dossier (Mẫu 02).</source>
        <translation>In trên Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02).</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Giờ làm việc</translation>
    </message>
    <message>
        <source>&amp;Morning:</source>
        <translation>Buổi &amp;sáng:</translation>
    </message>
    <message>
        <source>&amp;Afternoon:</source>
        <translation>Buổi &amp;chiều:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Same-day &amp;cutoff:</source>
        <translation>Giờ chốt nhận &amp;trong ngày:</translation>
    </message>
    <message>
        <source>Procedures settled within the day (0 days) received after this time are returned on the next working day.</source>
        <translation>Thủ tục giải quyết trong ngày nếu tiếp nhận sau giờ này thì trả kết quả vào ngày làm việc tiếp theo.</translation>
    </message>
    <message>
        <source> working day(s)</source>
        <translation> ngày làm việc</translation>
    </message>
    <message>
        <source>Extra days off and make-up working days</source>
        <translation>Ngày nghỉ bổ sung và ngày làm bù</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Days the Government announces on top of the law: swapped days off (“Day off”) and the Saturdays worked instead (“Make-up day”).</source>
        <translation>Những ngày Chính phủ thông báo ngoài quy định của luật: ngày nghỉ hoán đổi (“Nghỉ”) và ngày Thứ Bảy làm bù (“Làm bù”).</translation>
    </message>
    <message>
        <source>Public holidays by law</source>
        <translation>Ngày lễ, Tết theo luật</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Ngày lễ</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>A5 (148 × 210 mm)</source>
        <translation>A5 (148 × 210 mm)</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>&amp;Máy in:</translation>
    </message>
    <message>
        <source>Paper &amp;size:</source>
        <translation>&amp;Khổ giấy:</translation>
    </message>
    <message>
        <source>&amp;Book number:</source>
        <translation>&amp;Quyển số:</translation>
    </message>
    <message>
        <source>“Quyển số” of the dossier tracking book printed on the receipt. Leave it empty to use one book a year (01/&lt;year&gt;).</source>
        <translation>Quyển số của Sổ theo dõi hồ sơ, in trên giấy tiếp nhận. Để trống để dùng mỗi năm một quyển (01/&lt;năm&gt;).</translation>
    </message>
    <message>
        <source>A new language applies the next time the program starts.</source>
        <translation>Ngôn ngữ mới được áp dụng từ lần khởi động chương trình tiếp theo.</translation>
    </message>
    <message>
        <source>(default printer)</source>
        <translation>(máy in mặc định)</translation>
    </message>
    <message>
        <source>{name} (not found)</source>
        <translation>{name} (không tìm thấy)</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Nghỉ</translation>
    </message>
    <message>
        <source>Make-up day</source>
        <translation>Làm bù</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>T2</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>T3</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>T4</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>T5</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>T6</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>T7</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>CN</translation>
    </message>
    <message>
        <source>Line {number}: {message}</source>
        <translation>Dòng {number}: {message}</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi không mong muốn</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. Your data already saved are safe; the last action may not have been completed.

The error was written to the log file in {folder}. If it happens again, send the details to the technical support team.</source>
        <translation>Chương trình gặp một lỗi ngoài dự kiến. Dữ liệu đã lưu trước đó vẫn an toàn; thao tác vừa thực hiện có thể chưa hoàn tất.

Lỗi đã được ghi vào tệp nhật ký trong thư mục {folder}. Nếu lỗi lặp lại, hãy gửi phần chi tiết cho bộ phận hỗ trợ kỹ thuật.</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>Xem &amp;chi tiết</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Sao chép chi tiết</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>Ẩn &amp;chi tiết</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Đã sao chép</translation>
    </message>
</context>
</TS>
