<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Access</name>
    <message>
        <source>Opened</source>
        <translation>Mở hồ sơ</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>In phiếu</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Xuất dữ liệu</translation>
    </message>
    <message>
        <source>File opened or saved</source>
        <translation>Mở/lưu tệp đính kèm</translation>
    </message>
</context>
<context>
    <name>AccessLogDialog</name>
    <message>
        <source>Access log</source>
        <translation>Nhật ký truy cập</translation>
    </message>
    <message>
        <source>Citizen&apos;s identity number</source>
        <translation>Số định danh của công dân</translation>
    </message>
    <message>
        <source>Officer&apos;s user name</source>
        <translation>Tên đăng nhập của cán bộ</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Mọi thao tác</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <source>Export citizen&apos;s data…</source>
        <translation>Xuất dữ liệu công dân…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} mục</translation>
    </message>
    <message>
        <source>Type the citizen&apos;s identity number first</source>
        <translation>Nhập số định danh của công dân trước</translation>
    </message>
    <message>
        <source>Export citizen&apos;s data</source>
        <translation>Xuất dữ liệu công dân</translation>
    </message>
    <message>
        <source>The data of citizen {id_number} were written to {path}</source>
        <translation>Đã ghi dữ liệu của công dân {id_number} vào {path}</translation>
    </message>
</context>
<context>
    <name>AccessModel</name>
    <message>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Officer accounts</source>
        <translation>Tài khoản cán bộ</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>Đặt &amp;lại mật khẩu…</translation>
    </message>
    <message>
        <source>Change r&amp;ole…</source>
        <translation>Đổi &amp;vai trò…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Khóa</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Mở khóa</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Locked by an administrator</source>
        <translation>Bị quản trị viên khóa</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>Bị khóa đến {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (bạn)</translation>
    </message>
    <message>
        <source>Another administrator changes your role.</source>
        <translation>Vai trò của bạn do một quản trị viên khác thay đổi.</translation>
    </message>
    <message>
        <source>The last administrator who can log in keeps the role: make another administrator first.</source>
        <translation>Quản trị viên cuối cùng còn đăng nhập được phải giữ vai trò này: hãy tạo thêm một quản trị viên trước.</translation>
    </message>
</context>
<context>
    <name>ActionTimeField</name>
    <message>
        <source>Change it only for an action done earlier today and entered late</source>
        <translation>Chỉ sửa khi thao tác đã làm trước đó trong ngày và nay mới nhập</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>&amp;Bây giờ</translation>
    </message>
    <message>
        <source>Use the current time</source>
        <translation>Dùng thời điểm hiện tại</translation>
    </message>
    <message>
        <source>Not earlier than the previous step: {time}</source>
        <translation>Không sớm hơn bước trước: {time}</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>New officer account</source>
        <translation>Tài khoản cán bộ mới</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Vai trò:</translation>
    </message>
    <message>
        <source>&amp;First password:</source>
        <translation>Mật khẩu &amp;ban đầu:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>ApologyDialog</name>
    <message>
        <source>Apology and new appointment – dossier {code}</source>
        <translation>Xin lỗi và hẹn lại – hồ sơ {code}</translation>
    </message>
    <message>
        <source>Apology letter and new appointment (Form 04)</source>
        <translation>Văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)</translation>
    </message>
    <message>
        <source>The letter apologises to the citizen for the delay and proposes a new appointment. The on-time count keeps the original appointment.</source>
        <translation>Văn bản xin lỗi công dân vì sự chậm trễ và hẹn lại thời gian trả kết quả. Việc đánh giá đúng hạn vẫn tính theo ngày hẹn ban đầu.</translation>
    </message>
    <message>
        <source>(originally {due})</source>
        <translation>(ban đầu {due})</translation>
    </message>
    <message>
        <source>E.g. the dossier needs verification with another authority</source>
        <translation>Ví dụ: hồ sơ cần xác minh với cơ quan khác</translation>
    </message>
    <message>
        <source>at &amp;time</source>
        <translation>vào &amp;giờ</translation>
    </message>
    <message>
        <source>Current appointment</source>
        <translation>Hẹn trả hiện tại</translation>
    </message>
    <message>
        <source>&amp;Reason for the delay</source>
        <translation>&amp;Lý do chậm trễ</translation>
    </message>
    <message>
        <source>New appointment &amp;date</source>
        <translation>&amp;Ngày hẹn mới</translation>
    </message>
    <message>
        <source>e.g. TRƯỞNG PHÒNG KINH TẾ</source>
        <translation>ví dụ: TRƯỞNG PHÒNG KINH TẾ</translation>
    </message>
    <message>
        <source>&amp;Signer&apos;s title</source>
        <translation>&amp;Chức danh người ký</translation>
    </message>
    <message>
        <source>The head of the body that caused the delay signs the letter. By default the center&apos;s director from Settings.</source>
        <translation>Người đứng đầu cơ quan để xảy ra chậm trễ ký văn bản. Mặc định là Giám đốc Trung tâm trong phần Cài đặt.</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;name</source>
        <translation>&amp;Họ tên người ký</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>(not set: enter it in Settings)</source>
        <translation>(chưa có: nhập trong Cài đặt)</translation>
    </message>
    <message>
        <source>Record and &amp;print (Form 04)</source>
        <translation>Ghi nhận và &amp;in (Mẫu 04)</translation>
    </message>
    <message>
        <source>Record the apology and open the letter (Ctrl+Enter)</source>
        <translation>Ghi nhận việc xin lỗi và mở văn bản (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Đóng, không lưu (Esc)</translation>
    </message>
    <message>
        <source>&amp;Print Form 04 again</source>
        <translation>In lại Mẫu 0&amp;4</translation>
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
        <source>Not a working day: {reason}</source>
        <translation>Không phải ngày làm việc: {reason}</translation>
    </message>
    <message>
        <source>✔ The apology for dossier &lt;b&gt;{code}&lt;/b&gt; was recorded. New appointment: &lt;b&gt;{due}&lt;/b&gt;.</source>
        <translation>✔ Đã ghi nhận văn bản xin lỗi cho hồ sơ &lt;b&gt;{code}&lt;/b&gt;. Hẹn trả mới: &lt;b&gt;{due}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Apology letter (Form 04) – {code}</source>
        <translation>Văn bản xin lỗi (Mẫu 04) – {code}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The data were not changed. Start the program with the environment variable HCC_RECOVERY_KEY set to the recovery key shown at set-up. Log files: {logs}</source>
        <translation>Dữ liệu không bị thay đổi. Hãy khởi động chương trình với biến môi trường HCC_RECOVERY_KEY bằng khóa khôi phục được hiển thị khi cài đặt. Tệp nhật ký: {logs}</translation>
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
    <name>AttachmentsPanel</name>
    <message>
        <source>Sc&amp;an paper…</source>
        <translation>&amp;Quét giấy tờ…</translation>
    </message>
    <message>
        <source>Scan the selected paper (files, scanner folder, camera)</source>
        <translation>Quét giấy tờ đang chọn (từ tệp, thư mục máy quét, máy ảnh)</translation>
    </message>
    <message>
        <source>View scan</source>
        <translation>Xem bản quét</translation>
    </message>
    <message>
        <source>Result file…</source>
        <translation>Tệp kết quả…</translation>
    </message>
    <message>
        <source>Attach the result (scanned or received electronically) as a file</source>
        <translation>Đính kèm kết quả (bản quét hoặc bản điện tử nhận được) dưới dạng tệp</translation>
    </message>
    <message>
        <source>No scan attached yet.</source>
        <translation>Chưa có bản quét nào.</translation>
    </message>
    <message>
        <source>Scans: {files} file(s), {pages} page(s).</source>
        <translation>Bản quét: {files} tệp, {pages} trang.</translation>
    </message>
    <message>
        <source>{n} not on this computer yet.</source>
        <translation>{n} tệp chưa có trên máy này.</translation>
    </message>
    <message>
        <source>Result file</source>
        <translation>Tệp kết quả</translation>
    </message>
    <message>
        <source>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf)</source>
        <translation>Ảnh và PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf)</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>an event was edited after it was written</source>
        <translation>một sự kiện đã bị sửa sau khi ghi</translation>
    </message>
    <message>
        <source>an event of its history was deleted</source>
        <translation>một sự kiện trong lịch sử đã bị xóa</translation>
    </message>
    <message>
        <source>its receipt event is missing</source>
        <translation>thiếu sự kiện tiếp nhận</translation>
    </message>
    <message>
        <source>a second receipt event was inserted</source>
        <translation>có thêm một sự kiện tiếp nhận thứ hai bị chèn vào</translation>
    </message>
    <message>
        <source>an old event was inserted again</source>
        <translation>một sự kiện cũ đã bị chèn lại</translation>
    </message>
    <message>
        <source>a record of this device was deleted</source>
        <translation>một bản ghi của máy này đã bị xóa</translation>
    </message>
    <message>
        <source>a record of this device was inserted</source>
        <translation>một bản ghi đã bị chèn vào chuỗi của máy này</translation>
    </message>
    <message>
        <source>records of this device were reordered or deleted</source>
        <translation>các bản ghi của máy này đã bị đảo thứ tự hoặc bị xóa</translation>
    </message>
    <message>
        <source>its receipt details were edited directly in the database</source>
        <translation>thông tin tiếp nhận đã bị sửa trực tiếp trong cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>an event carries no hash</source>
        <translation>một sự kiện không có mã băm</translation>
    </message>
    <message>
        <source>the dossier does not match its history</source>
        <translation>hồ sơ không khớp với lịch sử sự kiện</translation>
    </message>
    <message>
        <source>the dossier has no history</source>
        <translation>hồ sơ không có lịch sử sự kiện</translation>
    </message>
    <message>
        <source>The history of dossier {code} has been altered ({what}). Tell the center leader; the device will not send its changes until this is explained.</source>
        <translation>Lịch sử của hồ sơ {code} đã bị sửa đổi ({what}). Hãy báo cho lãnh đạo trung tâm; máy sẽ không gửi các thay đổi cho đến khi việc này được làm rõ.</translation>
    </message>
    <message>
        <source>{count} problems found in the history of the dossiers.</source>
        <translation>Phát hiện {count} vấn đề trong lịch sử các hồ sơ.</translation>
    </message>
    <message>
        <source>access log</source>
        <translation>nhật ký truy cập</translation>
    </message>
</context>
<context>
    <name>AuditBanner</name>
    <message>
        <source>Details…</source>
        <translation>Chi tiết…</translation>
    </message>
    <message>
        <source>History check</source>
        <translation>Kiểm tra lịch sử</translation>
    </message>
</context>
<context>
    <name>BackupScheduler</name>
    <message>
        <source>The scheduled backup failed: {reason}</source>
        <translation>Sao lưu định kỳ không thành công: {reason}</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>Back up every day (when the program starts, then hourly)</source>
        <translation>Sao lưu hằng ngày (khi mở chương trình, sau đó kiểm tra mỗi giờ)</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>Thư &amp;mục:</translation>
    </message>
    <message>
        <source>A USB stick or another disk keeps the data safe if this computer fails; empty: a folder beside the database.</source>
        <translation>Lưu vào USB hoặc một ổ đĩa khác để dữ liệu vẫn an toàn khi máy này hỏng; để trống: một thư mục cạnh cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> bản</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>Giữ &amp;lại (mới nhất):</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>Lần sao lưu gần nhất:</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Tạo bản sao lưu ngay</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>{time} – {file}</source>
        <translation>{time} – {file}</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Thư mục sao lưu</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>Backup written: {file} ({dossiers} dossiers).</source>
        <translation>Đã ghi bản sao lưu: {file} ({dossiers} hồ sơ).</translation>
    </message>
    <message>
        <source>The backup could not be made: {reason}</source>
        <translation>Không sao lưu được: {reason}</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <source>Dossier tracking book (Form 07)</source>
        <translation>Sổ theo dõi hồ sơ (Mẫu 07)</translation>
    </message>
    <message>
        <source>One row per dossier received in the period: code, procedure, applicant, received, appointment, returned, officer, collector.</source>
        <translation>Mỗi hồ sơ tiếp nhận trong kỳ một dòng: mã hồ sơ, thủ tục, chủ hồ sơ, ngày nhận, ngày hẹn trả, ngày trả, cán bộ tiếp nhận, người nhận kết quả.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Tháng trước</translation>
    </message>
    <message>
        <source>&amp;PDF (to print and sign)</source>
        <translation>&amp;PDF (để in và ký)</translation>
    </message>
    <message>
        <source>&amp;Excel workbook (.xlsx)</source>
        <translation>&amp;Excel (.xlsx)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Từ ngày</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>Đến &amp;ngày</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Xuất sổ…</translation>
    </message>
    <message>
        <source>Choose where to save the book</source>
        <translation>Chọn nơi lưu sổ</translation>
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
        <source>Save the tracking book</source>
        <translation>Lưu sổ theo dõi hồ sơ</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>✔ Saved to {path}</source>
        <translation>✔ Đã lưu: {path}</translation>
    </message>
    <message>
        <source>Dossier tracking book {start} – {end}</source>
        <translation>Sổ theo dõi hồ sơ {start} – {end}</translation>
    </message>
</context>
<context>
    <name>BundleBox</name>
    <message>
        <source>No network?</source>
        <translation>Không có mạng?</translation>
    </message>
    <message>
        <source>Write the changes waiting to be sent to a file, copy it to a USB stick and give it to the administrator of the sync server, who imports it. The changes stay on this device until an online sync confirms them.</source>
        <translation>Ghi các thay đổi chờ gửi vào một tệp, chép vào USB và chuyển cho quản trị viên máy chủ đồng bộ để nhập. Các thay đổi vẫn được giữ trên máy này cho đến khi đồng bộ trực tuyến thành công.</translation>
    </message>
    <message>
        <source>Export data bundle (&amp;USB)…</source>
        <translation>Xuất gói dữ liệu (&amp;USB)…</translation>
    </message>
    <message>
        <source>Export data bundle</source>
        <translation>Xuất gói dữ liệu</translation>
    </message>
    <message>
        <source>HCC data bundles (*{suffix})</source>
        <translation>Gói dữ liệu HCC (*{suffix})</translation>
    </message>
    <message>
        <source>{count} changes were written to the file
{path}</source>
        <translation>Đã ghi {count} thay đổi vào tệp
{path}</translation>
    </message>
    <message>
        <source>Copy this file to a USB stick and give it to the administrator of the sync server, who imports it. Keep the file until this device has synchronised online again: the changes stay on this device until then, and importing the same file twice does no harm.</source>
        <translation>Hãy chép tệp này vào USB và chuyển cho quản trị viên máy chủ đồng bộ để nhập vào máy chủ. Giữ lại tệp cho đến khi máy này đồng bộ trực tuyến được: đến lúc đó các thay đổi vẫn được lưu trên máy này, và nhập cùng một tệp hai lần cũng không gây hại gì.</translation>
    </message>
    <message>
        <source>No change was waiting to be sent: the file
{path}
holds nothing new.</source>
        <translation>Không có thay đổi nào chờ gửi: tệp
{path}
không chứa dữ liệu mới.</translation>
    </message>
    <message>
        <source>There is nothing to take to the server.</source>
        <translation>Không có gì cần mang tới máy chủ.</translation>
    </message>
    <message>
        <source>Data bundle exported</source>
        <translation>Đã xuất gói dữ liệu</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>CatalogTransfer</name>
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
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
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
        <source>Reused</source>
        <translation>Tái sử dụng</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>Đã số hóa</translation>
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
        <source>The paper was scanned (digitised) at the counter (key D)</source>
        <translation>Giấy tờ đã được số hóa (quét) tại quầy (phím D)</translation>
    </message>
    <message>
        <source>Not received</source>
        <translation>Chưa nhận</translation>
    </message>
    <message>
        <source>Not scanned</source>
        <translation>Chưa số hóa</translation>
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
    <name>ClashesBox</name>
    <message>
        <source>User names taken by two people on the unit&apos;s devices</source>
        <translation>Tên đăng nhập bị hai người dùng trên các máy của đơn vị</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Chuyện gì đã xảy ra</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Tạo trên máy</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Two people cannot share a user name: the accounts are kept apart, never merged. Give one of the two officers another user name (add a new account for them here, then lock the old one), and tell them which name to use.</source>
        <translation>Hai người không thể dùng chung một tên đăng nhập: hai tài khoản được giữ riêng, không bao giờ gộp lại. Hãy cấp cho một trong hai cán bộ một tên đăng nhập khác (thêm tài khoản mới cho người đó tại đây, rồi khóa tài khoản cũ) và báo cho họ biết tên cần dùng.</translation>
    </message>
    <message>
        <source>Refused by the server: another officer of the unit already has this user name. The account of {name} works on this device only.</source>
        <translation>Máy chủ từ chối: một cán bộ khác của đơn vị đã có tên đăng nhập này. Tài khoản của {name} chỉ dùng được trên máy này.</translation>
    </message>
    <message>
        <source>Another device&apos;s account under this name was not taken: {name} has it on this device. That officer cannot log in here.</source>
        <translation>Không nhận tài khoản cùng tên từ máy khác: trên máy này tên đó thuộc về {name}. Cán bộ kia không đăng nhập được trên máy này.</translation>
    </message>
    <message>
        <source>Not shared with the unit: {reason}</source>
        <translation>Không chia sẻ được với đơn vị: {reason}</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Máy này</translation>
    </message>
    <message>
        <source>Another device ({id})</source>
        <translation>Máy khác ({id})</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>The intake file is not valid; nothing was saved:</source>
        <translation>Tệp hồ sơ tiếp nhận không hợp lệ; chưa lưu gì:</translation>
    </message>
    <message>
        <source>The intake file must hold one JSON object (between braces): correct it</source>
        <translation>Tệp hồ sơ tiếp nhận phải chứa một đối tượng JSON (trong dấu ngoặc nhọn): hãy sửa lại</translation>
    </message>
    <message>
        <source>procedure: missing: give the procedure&apos;s code (for example 1.001193)</source>
        <translation>procedure: bị thiếu: hãy ghi mã thủ tục (ví dụ 1.001193)</translation>
    </message>
    <message>
        <source>{where}: must be a JSON object (between braces)</source>
        <translation>{where}: phải là một đối tượng JSON (trong dấu ngoặc nhọn)</translation>
    </message>
    <message>
        <source>{where}: must be a text in quotation marks</source>
        <translation>{where}: phải là một chuỗi chữ đặt trong dấu ngoặc kép</translation>
    </message>
    <message>
        <source>{where}: must be a list (between square brackets)</source>
        <translation>{where}: phải là một danh sách (trong dấu ngoặc vuông)</translation>
    </message>
    <message>
        <source>{where}: must be a whole number</source>
        <translation>{where}: phải là một số nguyên</translation>
    </message>
    <message>
        <source>{where}: must be a whole number of đồng</source>
        <translation>{where}: phải là một số nguyên (đồng)</translation>
    </message>
    <message>
        <source>{where}: must be one of {values}</source>
        <translation>{where}: phải là một trong các giá trị {values}</translation>
    </message>
    <message>
        <source>warning: sync over plain http:// to another computer is now allowed: the device&apos;s token and citizens&apos; data cross the network unencrypted; use it only on a trusted network, and switch to https:// as soon as you can</source>
        <translation>cảnh báo: đã cho phép đồng bộ qua http:// không mã hóa tới máy khác: mã xác thực của máy và dữ liệu của công dân sẽ đi qua mạng mà không được mã hóa; chỉ dùng trên mạng tin cậy và chuyển sang https:// càng sớm càng tốt</translation>
    </message>
    <message>
        <source>settings: there is no setting {key} that can be changed here: see settings show</source>
        <translation>settings: không có thiết lập {key} nào thay đổi được ở đây: xem lệnh settings show</translation>
    </message>
    <message>
        <source>database: {path}</source>
        <translation>cơ sở dữ liệu: {path}</translation>
    </message>
    <message>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <source>schema: {start} -&gt; {end}</source>
        <translation>phiên bản cấu trúc: {start} -&gt; {end}</translation>
    </message>
    <message>
        <source>backup copy: {path}</source>
        <translation>bản sao lưu: {path}</translation>
    </message>
    <message>
        <source>the database was not encrypted: it is now, and the plain copy was securely removed</source>
        <translation>cơ sở dữ liệu trước đây chưa được mã hóa: nay đã được mã hóa, bản không mã hóa đã được xóa an toàn</translation>
    </message>
    <message>
        <source>RECOVERY KEY of the database (shown only this once): write it down and keep it locked away. Without it the data cannot be opened if this computer&apos;s keyring is lost (set HCC_RECOVERY_KEY to it).</source>
        <translation>KHÓA KHÔI PHỤC của cơ sở dữ liệu (chỉ hiển thị một lần này): hãy chép lại và cất giữ an toàn. Nếu mất kho khóa của máy này, không có khóa này thì không mở được dữ liệu (đặt HCC_RECOVERY_KEY bằng khóa này).</translation>
    </message>
    <message>
        <source>unit: {code} {name}</source>
        <translation>đơn vị: {code} {name}</translation>
    </message>
    <message>
        <source>device: {device}, device number {slot}</source>
        <translation>máy: {device}, số máy {slot}</translation>
    </message>
    <message>
        <source>procedures: {count}</source>
        <translation>số thủ tục: {count}</translation>
    </message>
    <message>
        <source>created {count} dossiers from {first} to {last}</source>
        <translation>đã tạo {count} hồ sơ từ {first} đến {last}</translation>
    </message>
    <message>
        <source>{code} {name} ({field}); processing time: {time}</source>
        <translation>{code} {name} ({field}); thời hạn giải quyết: {time}</translation>
    </message>
    <message>
        <source>required</source>
        <translation>bắt buộc</translation>
    </message>
    <message>
        <source>when: {condition}</source>
        <translation>khi: {condition}</translation>
    </message>
    <message>
        <source>added: {count} {codes}</source>
        <translation>thêm mới: {count} {codes}</translation>
    </message>
    <message>
        <source>updated: {count}</source>
        <translation>cập nhật: {count}</translation>
    </message>
    <message>
        <source>unchanged: {count}</source>
        <translation>không đổi: {count}</translation>
    </message>
    <message>
        <source>no longer in use: {count} {codes}</source>
        <translation>ngừng sử dụng: {count} {codes}</translation>
    </message>
    <message>
        <source>exported {count} procedures to {path}</source>
        <translation>đã xuất {count} thủ tục ra tệp {path}</translation>
    </message>
    <message>
        <source>first administrator created: {user}</source>
        <translation>đã tạo quản trị viên đầu tiên: {user}</translation>
    </message>
    <message>
        <source>Device {device} registered in unit {unit} as device number {slot}, with {server}</source>
        <translation>Đã đăng ký máy {device} vào đơn vị {unit}, số máy {slot}, với máy chủ {server}</translation>
    </message>
    <message>
        <source>sent {pushed}, received {pulled}, conflicts {conflicts}, refused {rejected}, already on the server {duplicates}</source>
        <translation>đã gửi {pushed}, đã nhận {pulled}, xung đột {conflicts}, bị từ chối {rejected}, đã có trên máy chủ {duplicates}</translation>
    </message>
    <message>
        <source>{count} new conflict(s): see &apos;sync conflicts&apos;, then settle each with &apos;sync resolve&apos;</source>
        <translation>{count} xung đột mới: xem bằng lệnh &apos;sync conflicts&apos;, rồi giải quyết từng xung đột bằng &apos;sync resolve&apos;</translation>
    </message>
    <message>
        <source>{count} item(s) refused by the server: see &apos;sync status&apos; for the reasons</source>
        <translation>{count} mục bị máy chủ từ chối: xem lý do bằng lệnh &apos;sync status&apos;</translation>
    </message>
    <message>
        <source>server: {url} (registered)</source>
        <translation>máy chủ: {url} (đã đăng ký)</translation>
    </message>
    <message>
        <source>server: {url} (not registered)</source>
        <translation>máy chủ: {url} (chưa đăng ký)</translation>
    </message>
    <message>
        <source>last sync: {at} ({days} day(s) ago)</source>
        <translation>lần đồng bộ gần nhất: {at} ({days} ngày trước)</translation>
    </message>
    <message>
        <source>last sync: never</source>
        <translation>lần đồng bộ gần nhất: chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <source>changes waiting to be sent: {count}</source>
        <translation>thay đổi chờ gửi: {count}</translation>
    </message>
    <message>
        <source>conflicts to resolve: {count}</source>
        <translation>xung đột cần giải quyết: {count}</translation>
    </message>
    <message>
        <source>refused by the server: {count}</source>
        <translation>bị máy chủ từ chối: {count}</translation>
    </message>
    <message>
        <source>received records not taken: {count}</source>
        <translation>bản ghi đã nhận nhưng không dùng: {count}</translation>
    </message>
    <message>
        <source>last error: {reason}</source>
        <translation>lỗi gần nhất: {reason}</translation>
    </message>
    <message>
        <source>last error ({at}): {reason}</source>
        <translation>lỗi gần nhất ({at}): {reason}</translation>
    </message>
    <message>
        <source>warning: this device has not synced for too long: run &apos;sync&apos; when the network is up</source>
        <translation>cảnh báo: máy này đã lâu chưa đồng bộ: hãy chạy lệnh &apos;sync&apos; khi có mạng</translation>
    </message>
    <message>
        <source>refused {kind} {key}: {reason}</source>
        <translation>bị từ chối {kind} {key}: {reason}</translation>
    </message>
    <message>
        <source>account {user}: the user name belongs to another account of the unit; this one stays on this device (give the officer another user name)</source>
        <translation>tài khoản {user}: tên đăng nhập đã thuộc về một tài khoản khác của đơn vị; tài khoản này chỉ dùng được trên máy này (hãy đặt cho cán bộ một tên đăng nhập khác)</translation>
    </message>
    <message>
        <source>the unit&apos;s account {user} was not taken: an account of this device has that user name (give one of the two officers another user name)</source>
        <translation>chưa nhận tài khoản {user} của đơn vị: một tài khoản trên máy này đã dùng tên đăng nhập đó (hãy đặt cho một trong hai cán bộ một tên đăng nhập khác)</translation>
    </message>
    <message>
        <source>account {user} not shared: {reason}</source>
        <translation>tài khoản {user} chưa được chia sẻ với đơn vị: {reason}</translation>
    </message>
    <message>
        <source>{count} item(s) written to {path}</source>
        <translation>đã ghi {count} mục ra tệp {path}</translation>
    </message>
    <message>
        <source>{count} attached file(s) written to {path}</source>
        <translation>Đã ghi {count} tệp đính kèm vào {path}</translation>
    </message>
    <message>
        <source>no open conflicts</source>
        <translation>không có xung đột nào cần giải quyết</translation>
    </message>
    <message>
        <source>{field}: here {here}, on the server {server}</source>
        <translation>{field}: trên máy này {here}, trên máy chủ {server}</translation>
    </message>
    <message>
        <source>{code}: this device&apos;s version kept (sent at the next sync)</source>
        <translation>{code}: giữ bản trên máy này (sẽ gửi ở lần đồng bộ tới)</translation>
    </message>
    <message>
        <source>{code}: the server&apos;s version kept</source>
        <translation>{code}: giữ bản trên máy chủ</translation>
    </message>
    <message>
        <source>Register it with: python -m hcc_desktop device register --server URL --code CODE</source>
        <translation>Đăng ký bằng lệnh: python -m hcc_desktop device register --server URL --code MÃ</translation>
    </message>
    <message>
        <source>If the server&apos;s certificate comes from a private authority, set {env}=/path/to/ca.pem</source>
        <translation>Nếu chứng thư của máy chủ do một tổ chức cấp riêng, hãy đặt {env}=/đường/dẫn/ca.pem</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>lỗi: {message}</translation>
    </message>
    <message>
        <source>Some information is not valid; nothing was saved:</source>
        <translation>Một số thông tin không hợp lệ; chưa lưu gì:</translation>
    </message>
    <message>
        <source>{label} ({field}): {message}</source>
        <translation>{label} ({field}): {message}</translation>
    </message>
    <message>
        <source>The procedure catalog file was rejected; nothing was {verb}:</source>
        <translation>Tệp danh mục thủ tục bị từ chối; chưa {verb} gì:</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>nhập</translation>
    </message>
    <message>
        <source>published</source>
        <translation>phát hành</translation>
    </message>
    <message>
        <source>same day</source>
        <translation>trong ngày</translation>
    </message>
    <message>
        <source>{days} working days</source>
        <translation>{days} ngày làm việc</translation>
    </message>
    <message>
        <source>The file {path} does not exist: check its name and folder</source>
        <translation>Không có tệp {path}: hãy kiểm tra tên tệp và thư mục</translation>
    </message>
    <message>
        <source>No permission to open {path}: ask the administrator or choose another file</source>
        <translation>Không có quyền mở {path}: hãy hỏi quản trị viên hoặc chọn tệp khác</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file: give the file&apos;s name</source>
        <translation>{path} là một thư mục, không phải tệp: hãy ghi tên tệp</translation>
    </message>
    <message>
        <source>The disk is full while writing {path}: free some space and try again</source>
        <translation>Ổ đĩa đã đầy khi ghi {path}: hãy giải phóng dung lượng rồi thử lại</translation>
    </message>
    <message>
        <source>Cannot use the file {path} ({reason}): check it and retry</source>
        <translation>Không dùng được tệp {path} ({reason}): hãy kiểm tra rồi thử lại</translation>
    </message>
    <message>
        <source>{what}: write the time as YYYY-MM-DD HH:MM (for example 2026-11-23 08:30), not {value}</source>
        <translation>{what}: hãy ghi thời điểm theo dạng YYYY-MM-DD HH:MM (ví dụ 2026-11-23 08:30), không phải {value}</translation>
    </message>
    <message>
        <source>{what}: write the date as YYYY-MM-DD (for example 2026-11-23), not {value}</source>
        <translation>{what}: hãy ghi ngày theo dạng YYYY-MM-DD (ví dụ 2026-11-23), không phải {value}</translation>
    </message>
    <message>
        <source>The intake file is not valid JSON (line {line}, column {column}): correct it</source>
        <translation>Tệp hồ sơ tiếp nhận không đúng định dạng JSON (dòng {line}, cột {column}): hãy sửa lại</translation>
    </message>
    <message>
        <source>if the time is right, add --allow-unusual-date</source>
        <translation>nếu đúng là vậy, thêm --allow-unusual-date</translation>
    </message>
    <message>
        <source>a time in the future would lock the dossier against later steps</source>
        <translation>nếu ghi một thời điểm ở tương lai, hồ sơ sẽ bị khóa với các bước sau</translation>
    </message>
    <message>
        <source>{message}; {hint}</source>
        <translation>{message}; {hint}</translation>
    </message>
    <message>
        <source>book: the name of the output file must end in .pdf or .xlsx</source>
        <translation>book: tên tệp kết quả phải có đuôi .pdf hoặc .xlsx</translation>
    </message>
    <message>
        <source>Overdue ({count})</source>
        <translation>Quá hạn ({count})</translation>
    </message>
    <message>
        <source>Due today ({count})</source>
        <translation>Đến hạn hôm nay ({count})</translation>
    </message>
    <message>
        <source>Due soon ({count})</source>
        <translation>Sắp đến hạn ({count})</translation>
    </message>
    <message>
        <source>Awaiting papers ({count})</source>
        <translation>Chờ bổ sung ({count})</translation>
    </message>
    <message>
        <source>Ready to return ({count})</source>
        <translation>Chờ trả kết quả ({count})</translation>
    </message>
    <message>
        <source>{code}  status {status} ({name})  due {due}  result: {timeliness}</source>
        <translation>{code}  trạng thái {status} ({name})  hẹn trả {due}  kết quả: {timeliness}</translation>
    </message>
    <message>
        <source>Attached to {code}, paper {component}: {pages} pages, {size} (SHA-256 {short})</source>
        <translation>Đã đính kèm vào hồ sơ {code}, thành phần {component}: {pages} trang, {size} (SHA-256 {short})</translation>
    </message>
    <message>
        <source>Result of {code} attached: {pages} pages, {size} (SHA-256 {short})</source>
        <translation>Đã đính kèm kết quả của hồ sơ {code}: {pages} trang, {size} (SHA-256 {short})</translation>
    </message>
    <message>
        <source>Paper {component} of {code} met by a document already held (SHA-256 {short})</source>
        <translation>Thành phần {component} của hồ sơ {code} được đáp ứng bằng giấy tờ đã số hóa (SHA-256 {short})</translation>
    </message>
    <message>
        <source>Dossier {code} has no attached files</source>
        <translation>Hồ sơ {code} chưa có tệp đính kèm</translation>
    </message>
    <message>
        <source>No digitised document is held for {id_number}</source>
        <translation>Chưa có giấy tờ số hóa nào của công dân có số định danh {id_number}</translation>
    </message>
    <message>
        <source>{count} files written to {folder}</source>
        <translation>Đã ghi {count} tệp vào thư mục {folder}</translation>
    </message>
    <message>
        <source>not on this computer yet</source>
        <translation>chưa có trên máy này</translation>
    </message>
    <message>
        <source>result</source>
        <translation>kết quả</translation>
    </message>
    <message>
        <source>removed the older backup {path}</source>
        <translation>đã xoá bản sao lưu cũ {path}</translation>
    </message>
    <message>
        <source>The backup {path} verifies (made {time}, {dossiers} dossiers). Replace the database {store} with it? The current database is kept as a safety copy. Close HCC Desktop on this computer first. Type y to restore: </source>
        <translation>Bản sao lưu {path} đã được kiểm tra và toàn vẹn (tạo lúc {time}, {dossiers} hồ sơ). Thay cơ sở dữ liệu {store} bằng bản này? Cơ sở dữ liệu hiện tại được giữ lại làm bản sao an toàn. Hãy đóng HCC Desktop trên máy này trước. Gõ c để khôi phục: </translation>
    </message>
    <message>
        <source>Not restored; nothing was replaced.</source>
        <translation>Chưa khôi phục; không có gì bị thay thế.</translation>
    </message>
    <message>
        <source>restore replaces the database: confirm it on a terminal, or add --yes in a script; nothing was replaced</source>
        <translation>restore sẽ thay cơ sở dữ liệu: hãy xác nhận trên cửa sổ dòng lệnh, hoặc thêm --yes trong tập lệnh; không có gì bị thay thế</translation>
    </message>
    <message>
        <source>Restored {store} from {path} ({dossiers} dossiers). The previous database was kept as {safety}.</source>
        <translation>Đã khôi phục {store} từ {path} ({dossiers} hồ sơ). Cơ sở dữ liệu trước đó được giữ lại tại {safety}.</translation>
    </message>
    <message>
        <source>The backup was made by an older version and has been upgraded.</source>
        <translation>Bản sao lưu được tạo bởi phiên bản cũ hơn và đã được nâng cấp.</translation>
    </message>
    <message>
        <source>account {user} added ({role})</source>
        <translation>đã thêm tài khoản {user} ({role})</translation>
    </message>
    <message>
        <source>password of {user} changed</source>
        <translation>đã đổi mật khẩu của {user}</translation>
    </message>
    <message>
        <source>account {user} locked</source>
        <translation>đã khóa tài khoản {user}</translation>
    </message>
    <message>
        <source>account {user} unlocked</source>
        <translation>đã mở khóa tài khoản {user}</translation>
    </message>
    <message>
        <source>account {user} is now: {role}</source>
        <translation>tài khoản {user} nay có vai trò: {role}</translation>
    </message>
    <message>
        <source>{user}  {role}  {name}  {state}</source>
        <translation>{user}  {role}  {name}  {state}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>đang hoạt động</translation>
    </message>
    <message>
        <source>locked by an administrator</source>
        <translation>bị quản trị viên khóa</translation>
    </message>
    <message>
        <source>locked until {until}</source>
        <translation>bị khóa đến {until}</translation>
    </message>
    <message>
        <source>counter officer</source>
        <translation>cán bộ một cửa</translation>
    </message>
    <message>
        <source>center leader</source>
        <translation>lãnh đạo trung tâm</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>quản trị viên</translation>
    </message>
    <message>
        <source>Who is working? Give --user NAME or set HCC_USER (and HCC_PASSWORD, or type it)</source>
        <translation>Ai đang làm việc? Hãy cho --user TÊN hoặc đặt HCC_USER (và HCC_PASSWORD, hoặc gõ mật khẩu)</translation>
    </message>
    <message>
        <source>Password of {user}: </source>
        <translation>Mật khẩu của {user}: </translation>
    </message>
    <message>
        <source>New password of {user}: </source>
        <translation>Mật khẩu mới của {user}: </translation>
    </message>
    <message>
        <source>Type it again: </source>
        <translation>Gõ lại lần nữa: </translation>
    </message>
    <message>
        <source>No password: set {variable} or run the command in a terminal to type it</source>
        <translation>Chưa có mật khẩu: đặt {variable} hoặc chạy lệnh trong cửa sổ dòng lệnh để gõ mật khẩu</translation>
    </message>
    <message>
        <source>The two passwords are not the same; nothing was changed</source>
        <translation>Hai mật khẩu không giống nhau; chưa thay đổi gì</translation>
    </message>
    <message>
        <source>This database has no officer accounts yet: create its first administrator with init --admin-user NAME</source>
        <translation>Cơ sở dữ liệu này chưa có tài khoản cán bộ nào: hãy tạo quản trị viên đầu tiên bằng init --admin-user TÊN</translation>
    </message>
    <message>
        <source>{value} is not a date: write YYYY-MM-DD or DD/MM/YYYY</source>
        <translation>{value} không phải là ngày: viết YYYY-MM-DD hoặc DD/MM/YYYY</translation>
    </message>
    <message>
        <source>{at}  {user}  {action}  {code}  {id_number}  {detail}</source>
        <translation>{at}  {user}  {action}  {code}  {id_number}  {detail}</translation>
    </message>
    <message>
        <source>No access-log entry matches</source>
        <translation>Không có mục nhật ký truy cập nào phù hợp</translation>
    </message>
    <message>
        <source>{path}: the data of citizen {id_number} ({dossiers} dossiers, {home} home-service entries, {files} files, {access} access-log entries)</source>
        <translation>{path}: dữ liệu của công dân {id_number} ({dossiers} hồ sơ, {home} mục sổ phục vụ tại nhà, {files} tệp, {access} mục nhật ký truy cập)</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <source>At the counter</source>
        <translation>Trực tiếp tại quầy</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Public service portal</source>
        <translation>Cổng dịch vụ công</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Văn bản, thư</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>Đường dây nóng</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
</context>
<context>
    <name>ComplaintsDialog</name>
    <message>
        <source>Complaints and petitions</source>
        <translation>Phản ánh, kiến nghị</translation>
    </message>
    <message>
        <source>Only those not yet handled</source>
        <translation>Chỉ những phản ánh chưa xử lý</translation>
    </message>
    <message>
        <source>Record &amp;handling…</source>
        <translation>Ghi nhận &amp;kết quả xử lý…</translation>
    </message>
    <message>
        <source>dossier code, if it concerns one</source>
        <translation>mã hồ sơ, nếu liên quan đến một hồ sơ</translation>
    </message>
    <message>
        <source>the officer it concerns, if any</source>
        <translation>cán bộ bị phản ánh, nếu có</translation>
    </message>
    <message>
        <source>&amp;Add to the register</source>
        <translation>&amp;Thêm vào sổ</translation>
    </message>
    <message>
        <source>New complaint or petition</source>
        <translation>Phản ánh, kiến nghị mới</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Thời điểm tiếp nhận</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Officer concerned</source>
        <translation>Cán bộ liên quan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>{count} complaints listed, {open} not yet handled</source>
        <translation>{count} phản ánh, kiến nghị; {open} chưa xử lý</translation>
    </message>
    <message>
        <source>Record handling</source>
        <translation>Ghi nhận kết quả xử lý</translation>
    </message>
    <message>
        <source>How was it handled?</source>
        <translation>Đã xử lý như thế nào?</translation>
    </message>
</context>
<context>
    <name>ComplaintsModel</name>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Dossier / officer</source>
        <translation>Hồ sơ / cán bộ</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Đã xử lý</translation>
    </message>
    <message>
        <source>How it was handled</source>
        <translation>Kết quả xử lý</translation>
    </message>
    <message>
        <source>open</source>
        <translation>chưa xử lý</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Click to list these dossiers</source>
        <translation>Bấm để xem danh sách hồ sơ</translation>
    </message>
    <message>
        <source>Reports – figures of the unit</source>
        <translation>Báo cáo – số liệu của đơn vị</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Tuần</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Six months</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Khoảng tùy chọn</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Kỳ trước</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Kỳ sau</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Xem số liệu</translation>
    </message>
    <message>
        <source>Compute the figures of the period (F5)</source>
        <translation>Tính số liệu của kỳ (F5)</translation>
    </message>
    <message>
        <source>Trend by week</source>
        <translation>Xu hướng theo tuần</translation>
    </message>
    <message>
        <source>Trend by month</source>
        <translation>Xu hướng theo tháng</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Kỳ báo cáo</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Từ ngày</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>Đế&amp;n ngày</translation>
    </message>
    <message>
        <source>Dossiers changed: press F5 to refresh</source>
        <translation>Hồ sơ đã thay đổi: bấm F5 để cập nhật số liệu</translation>
    </message>
    <message>
        <source>dossiers received</source>
        <translation>hồ sơ tiếp nhận</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>đã giải quyết</translation>
    </message>
    <message>
        <source>finished on time</source>
        <translation>giải quyết đúng hạn</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>quá hạn</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>đang giải quyết</translation>
    </message>
    <message>
        <source>complaints open</source>
        <translation>phản ánh, kiến nghị chưa xử lý</translation>
    </message>
    <message>
        <source>766 group / indicator</source>
        <translation>Nhóm / chỉ số 766</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>To reach full points</source>
        <translation>Để đạt điểm tối đa</translation>
    </message>
    <message>
        <source>* points or threshold not confirmed by the Decision (see the data file). Click an indicator to list its dossiers.</source>
        <translation>* điểm hoặc ngưỡng chưa được Quyết định xác nhận (xem tệp dữ liệu). Bấm vào một chỉ số để xem danh sách hồ sơ.</translation>
    </message>
    <message>
        <source>Biểu II.06a/VPCP/KSTT as of the end of the period. Click a number to list its dossiers.</source>
        <translation>Biểu II.06a/VPCP/KSTT tính đến cuối kỳ. Bấm vào một số liệu để xem danh sách hồ sơ.</translation>
    </message>
    <message>
        <source>The whole unit</source>
        <translation>Toàn đơn vị</translation>
    </message>
    <message>
        <source>By field</source>
        <translation>Theo lĩnh vực</translation>
    </message>
    <message>
        <source>By procedure</source>
        <translation>Theo thủ tục hành chính</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>Theo hình thức tiếp nhận</translation>
    </message>
    <message>
        <source>By receiving officer</source>
        <translation>Theo công chức tiếp nhận</translation>
    </message>
    <message>
        <source>Rates &amp;of</source>
        <translation>Tỷ lệ &amp;của</translation>
    </message>
    <message>
        <source>Each rate with its count and what it is out of. Click a count to list its dossiers.</source>
        <translation>Mỗi tỷ lệ kèm số hồ sơ đạt và tổng số. Bấm vào một số liệu để xem danh sách hồ sơ.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Table 06a</source>
        <translation>Biểu 06a</translation>
    </message>
    <message>
        <source>Rates and complaints</source>
        <translation>Tỷ lệ và phản ánh, kiến nghị</translation>
    </message>
    <message>
        <source>Saturday sessions</source>
        <translation>Buổi tiếp nhận thứ Bảy</translation>
    </message>
    <message>
        <source>Print preview of Biểu II.06a (PDF)</source>
        <translation>Xem trước khi in Biểu II.06a (PDF)</translation>
    </message>
    <message>
        <source>Pr&amp;int 06a…</source>
        <translation>&amp;In Biểu 06a…</translation>
    </message>
    <message>
        <source>06a as E&amp;xcel…</source>
        <translation>Biểu 06a ra &amp;Excel…</translation>
    </message>
    <message>
        <source>Save Biểu II.06a as an .xlsx workbook</source>
        <translation>Lưu Biểu II.06a thành tệp Excel (.xlsx)</translation>
    </message>
    <message>
        <source>06a as P&amp;DF…</source>
        <translation>Biểu 06a ra P&amp;DF…</translation>
    </message>
    <message>
        <source>Save Biểu II.06a as a PDF (A4 landscape)</source>
        <translation>Lưu Biểu II.06a thành tệp PDF (A4 ngang)</translation>
    </message>
    <message>
        <source>Draft &amp;report (.docx)…</source>
        <translation>Dự thảo &amp;báo cáo (.docx)…</translation>
    </message>
    <message>
        <source>Save the draft narrative report, to finish in Word</source>
        <translation>Lưu dự thảo báo cáo để hoàn thiện trong Word</translation>
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
        <source>{label} ({start} – {end})</source>
        <translation>{label} ({start} – {end})</translation>
    </message>
    <message>
        <source>Computing the figures of the period…</source>
        <translation>Đang tính số liệu của kỳ…</translation>
    </message>
    <message>
        <source>online {online} · direct {direct} · carried over {carried}</source>
        <translation>trực tuyến {online} · trực tiếp {direct} · kỳ trước {carried}</translation>
    </message>
    <message>
        <source>early {early} · on time {on_time} · late {late}</source>
        <translation>trước hạn {early} · đúng hạn {on_time} · quá hạn {late}</translation>
    </message>
    <message>
        <source>{num} of {den}</source>
        <translation>{num} trên {den}</translation>
    </message>
    <message>
        <source>{rate} of received</source>
        <translation>{rate} số tiếp nhận</translation>
    </message>
    <message>
        <source>within time {ok} · overdue {late}</source>
        <translation>trong hạn {ok} · quá hạn {late}</translation>
    </message>
    <message>
        <source>received {received} · handled {resolved}</source>
        <translation>tiếp nhận {received} · đã xử lý {resolved}</translation>
    </message>
    <message>
        <source>766 estimate ({on_100} of 100)</source>
        <translation>ước tính 766 ({on_100}/100 điểm)</translation>
    </message>
    <message>
        <source>Indicators with nothing to measure are left out of the points and of the maximum; the estimate on 100 is points ÷ maximum × 100.</source>
        <translation>Chỉ số không có gì để đo được loại khỏi cả điểm đạt và điểm tối đa; điểm quy về thang 100 = điểm đạt ÷ điểm tối đa × 100.</translation>
    </message>
    <message>
        <source>of {nominal} in the decision</source>
        <translation>trên {nominal} theo Quyết định</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>không áp dụng</translation>
    </message>
    <message>
        <source>Nothing to measure: left out</source>
        <translation>Không có gì để đo: không tính</translation>
    </message>
    <message>
        <source>Full points</source>
        <translation>Đạt điểm tối đa</translation>
    </message>
    <message>
        <source>{num} of {den} — click to list them</source>
        <translation>{num} trên {den} — bấm để xem danh sách</translation>
    </message>
    <message>
        <source>{start} – {end}: {figure}</source>
        <translation>{start} – {end}: {figure}</translation>
    </message>
    <message>
        <source>received</source>
        <translation>tiếp nhận</translation>
    </message>
    <message>
        <source>finished late</source>
        <translation>giải quyết quá hạn</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Tài liệu Word (*.docx)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Đang lập báo cáo…</translation>
    </message>
    <message>
        <source>✔ Saved to {path}</source>
        <translation>✔ Đã lưu vào {path}</translation>
    </message>
    <message>
        <source>Preparing Biểu II.06a…</source>
        <translation>Đang chuẩn bị Biểu II.06a…</translation>
    </message>
    <message>
        <source>Biểu II.06a – {label}</source>
        <translation>Biểu II.06a – {label}</translation>
    </message>
</context>
<context>
    <name>DossierActions</name>
    <message>
        <source>&amp;Hand over for processing</source>
        <translation>&amp;Giao xử lý</translation>
    </message>
    <message>
        <source>Request s&amp;upplement</source>
        <translation>Yêu cầu &amp;bổ sung</translation>
    </message>
    <message>
        <source>Suppl&amp;ement received</source>
        <translation>Đã &amp;nhận bổ sung</translation>
    </message>
    <message>
        <source>Re&amp;fuse</source>
        <translation>Từ &amp;chối</translation>
    </message>
    <message>
        <source>Citizen &amp;withdraws the dossier</source>
        <translation>Công dân &amp;rút hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Stop processing</source>
        <translation>&amp;Dừng xử lý</translation>
    </message>
    <message>
        <source>Request financial &amp;obligation</source>
        <translation>Yêu cầu nộp nghĩa vụ &amp;tài chính</translation>
    </message>
    <message>
        <source>Financial obligation pa&amp;id</source>
        <translation>Đã nộ&amp;p nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Processing fi&amp;nished</source>
        <translation>Đã xử lý &amp;xong</translation>
    </message>
    <message>
        <source>&amp;Return the result</source>
        <translation>Trả &amp;kết quả</translation>
    </message>
    <message>
        <source>Hand the dossier to the officer or department that processes it.</source>
        <translation>Chuyển hồ sơ cho cán bộ hoặc bộ phận chuyên môn giải quyết.</translation>
    </message>
    <message>
        <source>The citizen must complete the dossier. The deadline clock stops until the papers are received.</source>
        <translation>Công dân cần bổ sung, hoàn thiện hồ sơ. Thời hạn giải quyết tạm dừng cho đến khi nhận đủ giấy tờ.</translation>
    </message>
    <message>
        <source>The citizen brought the missing papers. The waiting time is added to the appointment.</source>
        <translation>Công dân đã nộp giấy tờ còn thiếu. Thời gian chờ được cộng vào ngày hẹn trả.</translation>
    </message>
    <message>
        <source>The citizen must pay a fee, charge or tax before the result.</source>
        <translation>Công dân cần nộp phí, lệ phí hoặc thuế trước khi nhận kết quả.</translation>
    </message>
    <message>
        <source>The citizen has paid; processing continues.</source>
        <translation>Công dân đã nộp; tiếp tục giải quyết.</translation>
    </message>
    <message>
        <source>The dossier is not accepted for processing. Form 03 tells the citizen why.</source>
        <translation>Không tiếp nhận giải quyết hồ sơ. Mẫu 03 nêu rõ lý do cho công dân.</translation>
    </message>
    <message>
        <source>The citizen asked to take the dossier back; processing ends.</source>
        <translation>Công dân đề nghị rút hồ sơ; việc giải quyết kết thúc.</translation>
    </message>
    <message>
        <source>Processing is stopped for good. Form 05 notifies the citizen.</source>
        <translation>Dừng hẳn việc giải quyết hồ sơ. Mẫu 05 thông báo cho công dân.</translation>
    </message>
    <message>
        <source>The department has finished and handed the result back to the one-stop counter.</source>
        <translation>Bộ phận chuyên môn đã giải quyết xong và chuyển kết quả về Bộ phận một cửa.</translation>
    </message>
    <message>
        <source>Hand the result to the citizen.</source>
        <translation>Trao kết quả cho công dân.</translation>
    </message>
    <message>
        <source>Request to complete the dossier (Form 02)</source>
        <translation>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)</translation>
    </message>
    <message>
        <source>Refusal of the dossier (Form 03)</source>
        <translation>Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)</translation>
    </message>
    <message>
        <source>Notice of stopping the processing (Form 05)</source>
        <translation>Thông báo dừng giải quyết hồ sơ (Mẫu 05)</translation>
    </message>
    <message>
        <source>“{action}” is no longer possible: dossier {code} is now “{status}”. It may have been changed meanwhile on this or another computer. Nothing was saved; the dossier window shows its current state.</source>
        <translation>Không thể “{action}” nữa: hồ sơ {code} hiện ở trạng thái “{status}”. Có thể hồ sơ vừa được thay đổi trên máy này hoặc máy khác. Chưa có gì được lưu; cửa sổ hồ sơ đã hiển thị trạng thái hiện tại.</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <source>Form 0&amp;1 – Receipt and appointment</source>
        <translation>Mẫu 0&amp;1 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả</translation>
    </message>
    <message>
        <source>Form 0&amp;2 – Request to complete the dossier</source>
        <translation>Mẫu 0&amp;2 – Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</translation>
    </message>
    <message>
        <source>Form 0&amp;3 – Refusal of the dossier</source>
        <translation>Mẫu 0&amp;3 – Phiếu từ chối tiếp nhận giải quyết hồ sơ</translation>
    </message>
    <message>
        <source>Form 0&amp;4 – Print the apology letter again</source>
        <translation>Mẫu 0&amp;4 – In lại văn bản xin lỗi đã lập</translation>
    </message>
    <message>
        <source>Form 0&amp;5 – Notice of stopping the processing</source>
        <translation>Mẫu 0&amp;5 – Thông báo dừng giải quyết hồ sơ</translation>
    </message>
    <message>
        <source>Form 0&amp;6 – Process control slip</source>
        <translation>Mẫu 0&amp;6 – Phiếu kiểm soát quá trình giải quyết hồ sơ</translation>
    </message>
    <message>
        <source>Dossier {key}</source>
        <translation>Hồ sơ {key}</translation>
    </message>
    <message>
        <source>Select to copy the code</source>
        <translation>Bôi đen để sao chép mã</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Chủ hồ sơ</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số giấy tờ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh</translation>
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
        <source>Original appointment</source>
        <translation>Hẹn trả ban đầu</translation>
    </message>
    <message>
        <source>New appointment (Form 04)</source>
        <translation>Hẹn mới (Mẫu 04)</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Đang giữ hồ sơ</translation>
    </message>
    <message>
        <source>Result returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
    <message>
        <source>Paid online</source>
        <translation>Thanh toán trực tuyến</translation>
    </message>
    <message>
        <source>Electronic result</source>
        <translation>Kết quả điện tử</translation>
    </message>
    <message>
        <source>Papers received</source>
        <translation>Thành phần hồ sơ đã nhận</translation>
    </message>
    <message>
        <source>Processing history</source>
        <translation>Quá trình giải quyết</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>No further action: the dossier is closed.</source>
        <translation>Không còn thao tác nào: hồ sơ đã kết thúc.</translation>
    </message>
    <message>
        <source>&amp;Apology and new appointment (Form 04)…</source>
        <translation>Xin &amp;lỗi, hẹn lại (Mẫu 04)…</translation>
    </message>
    <message>
        <source>Satisfaction ra&amp;ting…</source>
        <translation>Đánh giá &amp;hài lòng…</translation>
    </message>
    <message>
        <source>Form 04 – Apology and new &amp;appointment…</source>
        <translation>Mẫu 04 – Lập văn bản xin lỗi, hẹn &amp;lại…</translation>
    </message>
    <message>
        <source>&amp;Print forms</source>
        <translation>&amp;In phiếu</translation>
    </message>
    <message>
        <source>Export citi&amp;zen&apos;s data…</source>
        <translation>X&amp;uất dữ liệu công dân…</translation>
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
        <source>Dossier {code} – {name}</source>
        <translation>Hồ sơ {code} – {name}</translation>
    </message>
    <message>
        <source>National status code: {code}</source>
        <translation>Mã trạng thái quốc gia: {code}</translation>
    </message>
    <message>
        <source>{time} by {officer}</source>
        <translation>{time} – {officer}</translation>
    </message>
    <message>
        <source>(clock stopped since {time}, waiting for the citizen)</source>
        <translation>(tạm dừng tính thời hạn từ {time}, chờ công dân bổ sung)</translation>
    </message>
    <message>
        <source>{time} (moved by the supplement waiting time)</source>
        <translation>{time} (đã lùi theo thời gian chờ bổ sung)</translation>
    </message>
    <message>
        <source>This dossier is &lt;b&gt;overdue&lt;/b&gt; (appointment {due}, {late}). Send the citizen an apology with a new appointment (Form 04).</source>
        <translation>Hồ sơ đã &lt;b&gt;quá hạn&lt;/b&gt; (hẹn trả {due}, {late}). Hãy gửi công dân văn bản xin lỗi và hẹn lại (Mẫu 04).</translation>
    </message>
    <message>
        <source>The appointment is near ({due}). If the result will be late, send the citizen an apology with a new appointment (Form 04) before it.</source>
        <translation>Sắp đến hạn trả ({due}). Nếu kết quả sẽ trễ, hãy gửi công dân văn bản xin lỗi và hẹn lại (Mẫu 04) trước ngày hẹn.</translation>
    </message>
    <message>
        <source>An apology was sent; the &lt;b&gt;new appointment {due} has passed&lt;/b&gt;. Return the result as soon as possible.</source>
        <translation>Đã gửi văn bản xin lỗi; &lt;b&gt;ngày hẹn mới {due} đã qua&lt;/b&gt;. Hãy trả kết quả sớm nhất có thể.</translation>
    </message>
    <message>
        <source>An apology was sent; the &lt;b&gt;new appointment is today&lt;/b&gt; ({due}).</source>
        <translation>Đã gửi văn bản xin lỗi; &lt;b&gt;ngày hẹn mới là hôm nay&lt;/b&gt; ({due}).</translation>
    </message>
    <message>
        <source>An apology was sent; new appointment {due}.</source>
        <translation>Đã gửi văn bản xin lỗi; hẹn mới: {due}.</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>chưa ghi nhận</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>(digitised copy reused)</source>
        <translation>(tái sử dụng bản số hóa)</translation>
    </message>
    <message>
        <source>(scan not recorded)</source>
        <translation>(số hóa: chưa ghi nhận)</translation>
    </message>
    <message>
        <source>(scanned)</source>
        <translation>(đã số hóa)</translation>
    </message>
    <message>
        <source>(no paper recorded)</source>
        <translation>(chưa ghi nhận giấy tờ nào)</translation>
    </message>
</context>
<context>
    <name>DossierListMixin</name>
    <message>
        <source>Search results ({count})</source>
        <translation>Kết quả tìm kiếm ({count})</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
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
        <source>No dossier received today matches the filters.</source>
        <translation>Không có hồ sơ tiếp nhận hôm nay khớp với bộ lọc.</translation>
    </message>
    <message>
        <source>No dossier matches “{text}”.</source>
        <translation>Không tìm thấy hồ sơ nào khớp với “{text}”.</translation>
    </message>
    <message>
        <source>{header} – filtered</source>
        <translation>{header} – đang lọc</translation>
    </message>
    <message>
        <source>Overdue dossiers ({count})</source>
        <translation>Hồ sơ quá hạn ({count})</translation>
    </message>
    <message>
        <source>Dossiers due today ({count})</source>
        <translation>Hồ sơ đến hạn trả hôm nay ({count})</translation>
    </message>
    <message>
        <source>Dossiers due in the next {days} working days ({count})</source>
        <translation>Hồ sơ đến hạn trong {days} ngày làm việc tới ({count})</translation>
    </message>
    <message>
        <source>Dossiers waiting for the citizen&apos;s papers ({count})</source>
        <translation>Hồ sơ chờ công dân bổ sung giấy tờ ({count})</translation>
    </message>
    <message>
        <source>Results ready to be returned ({count})</source>
        <translation>Hồ sơ đã xử lý xong, chờ trả kết quả ({count})</translation>
    </message>
    <message>
        <source>Dossiers due on the next working day ({count})</source>
        <translation>Hồ sơ đến hạn vào ngày làm việc tới ({count})</translation>
    </message>
    <message>
        <source>{shown} of {count}</source>
        <translation>{shown}/{count}</translation>
    </message>
    <message>
        <source>No dossier is overdue.</source>
        <translation>Không có hồ sơ quá hạn.</translation>
    </message>
    <message>
        <source>No dossier is due today.</source>
        <translation>Hôm nay không có hồ sơ đến hạn trả.</translation>
    </message>
    <message>
        <source>No dossier is due in the next {days} working days.</source>
        <translation>Không có hồ sơ đến hạn trong {days} ngày làm việc tới.</translation>
    </message>
    <message>
        <source>No dossier is waiting for additional papers.</source>
        <translation>Không có hồ sơ chờ bổ sung giấy tờ.</translation>
    </message>
    <message>
        <source>No result is waiting to be returned.</source>
        <translation>Không có kết quả chờ trả.</translation>
    </message>
    <message>
        <source>(Filters are applied: Alt+R clears them.)</source>
        <translation>(Đang áp dụng bộ lọc: nhấn Alt+A để bỏ lọc.)</translation>
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
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Người đang giữ</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>Dossiers: {n}</source>
        <translation>Số hồ sơ: {n}</translation>
    </message>
    <message>
        <source>complaints not about a dossier: {n}</source>
        <translation>phản ánh, kiến nghị không gắn với hồ sơ: {n}</translation>
    </message>
    <message>
        <source>double-click a row to open the dossier</source>
        <translation>bấm đúp vào một dòng để mở hồ sơ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
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
    <name>FieldChart</name>
    <message>
        <source>Finished on time by field</source>
        <translation>Giải quyết đúng hạn theo lĩnh vực</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Finished on time by field: no dossier in the period</source>
        <translation>Giải quyết đúng hạn theo lĩnh vực: không có hồ sơ trong kỳ</translation>
    </message>
</context>
<context>
    <name>FieldWork</name>
    <message>
        <source>planned</source>
        <translation>đã lên lịch</translation>
    </message>
    <message>
        <source>open</source>
        <translation>đang mở</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>đã đóng</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>to plan</source>
        <translation>chờ lên lịch</translation>
    </message>
    <message>
        <source>done</source>
        <translation>đã thực hiện</translation>
    </message>
</context>
<context>
    <name>FieldWorkWindow</name>
    <message>
        <source>Field work</source>
        <translation>Công tác lưu động</translation>
    </message>
    <message>
        <source>&amp;Saturday sessions</source>
        <translation>Buổi tiếp nhận &amp;thứ Bảy</translation>
    </message>
    <message>
        <source>&amp;Home visits</source>
        <translation>Phục vụ tại &amp;nhà</translation>
    </message>
    <message>
        <source>&amp;QR boards</source>
        <translation>Bảng mã &amp;QR</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>&amp;Open the session</source>
        <translation>&amp;Mở buổi tiếp nhận</translation>
    </message>
    <message>
        <source>On the session&apos;s day: dossiers received on this computer belong to it</source>
        <translation>Trong ngày của buổi: hồ sơ tiếp nhận trên máy này được ghi vào buổi</translation>
    </message>
    <message>
        <source>C&amp;lose and print the summary</source>
        <translation>Đó&amp;ng buổi và in báo cáo</translation>
    </message>
    <message>
        <source>Summary…</source>
        <translation>Báo cáo…</translation>
    </message>
    <message>
        <source>Cancel the session</source>
        <translation>Hủy buổi</translation>
    </message>
    <message>
        <source>e.g. Khu phố 3</source>
        <translation>ví dụ: Khu phố 3</translation>
    </message>
    <message>
        <source>e.g. the quarter&apos;s culture house</source>
        <translation>ví dụ: nhà văn hóa khu phố</translation>
    </message>
    <message>
        <source>names separated by commas</source>
        <translation>họ tên, cách nhau bởi dấu phẩy</translation>
    </message>
    <message>
        <source>&amp;Add to the rota</source>
        <translation>&amp;Thêm vào lịch</translation>
    </message>
    <message>
        <source>Plan a session</source>
        <translation>Lên lịch buổi tiếp nhận</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Cán bộ thực hiện</translation>
    </message>
    <message>
        <source>{quarter}: {sessions} sessions, {dossiers} dossiers, {returns} results returned</source>
        <translation>{quarter}: {sessions} buổi, {dossiers} hồ sơ, {returns} kết quả đã trả</translation>
    </message>
    <message>
        <source>This year by quarter — {lines}</source>
        <translation>Năm nay theo khu phố — {lines}</translation>
    </message>
    <message>
        <source>No session held this year yet</source>
        <translation>Năm nay chưa có buổi tiếp nhận nào</translation>
    </message>
    <message>
        <source>Open on this computer: {quarter}, {day} ({count} dossiers)</source>
        <translation>Đang mở trên máy này: {quarter}, ngày {day} ({count} hồ sơ)</translation>
    </message>
    <message>
        <source>No session is open on this computer</source>
        <translation>Máy này không mở buổi tiếp nhận nào</translation>
    </message>
    <message>
        <source>Session of {quarter} on {day}: {status}</source>
        <translation>Buổi tiếp nhận {quarter} ngày {day}: {status}</translation>
    </message>
    <message>
        <source>Session closed: {count} dossiers received</source>
        <translation>Đã đóng buổi tiếp nhận: {count} hồ sơ đã tiếp nhận</translation>
    </message>
    <message>
        <source>Saturday session summary</source>
        <translation>Báo cáo buổi tiếp nhận thứ Bảy</translation>
    </message>
    <message>
        <source>Only visits due (to plan, or planned within 7 days)</source>
        <translation>Chỉ các lượt cần làm (chờ lên lịch, hoặc trong 7 ngày tới)</translation>
    </message>
    <message>
        <source>Elderly</source>
        <translation>Cao tuổi</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Khuyết tật</translation>
    </message>
    <message>
        <source>Living alone</source>
        <translation>Neo đơn, sống một mình</translation>
    </message>
    <message>
        <source>Ill, cannot travel</source>
        <translation>Ốm đau, không đi lại được</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <source>Consent recorded on</source>
        <translation>Đã ghi nhận đồng ý ngày</translation>
    </message>
    <message>
        <source>Add to the register</source>
        <translation>Thêm vào danh sách</translation>
    </message>
    <message>
        <source>Register a resident served at home</source>
        <translation>Ghi người dân cần phục vụ tại nhà</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Why at home</source>
        <translation>Lý do phục vụ tại nhà</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>e.g. certify copies, register a death</source>
        <translation>ví dụ: chứng thực bản sao, đăng ký khai tử</translation>
    </message>
    <message>
        <source>the resident, a relative, the quarter head…</source>
        <translation>người dân, người thân, trưởng khu phố…</translation>
    </message>
    <message>
        <source>Record the request</source>
        <translation>Ghi yêu cầu</translation>
    </message>
    <message>
        <source>Visit request</source>
        <translation>Yêu cầu phục vụ tại nhà</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Người dân</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Người yêu cầu</translation>
    </message>
    <message>
        <source>Plan the selected visit</source>
        <translation>Lên lịch lượt đã chọn</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>Record the selected visit as done</source>
        <translation>Ghi kết quả lượt đã chọn</translation>
    </message>
    <message>
        <source>Plan and record</source>
        <translation>Lên lịch và ghi kết quả</translation>
    </message>
    <message>
        <source>Visit day</source>
        <translation>Ngày phục vụ</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Time spent</source>
        <translation>Thời gian thực hiện</translation>
    </message>
    <message>
        <source>Dossiers received</source>
        <translation>Hồ sơ tiếp nhận</translation>
    </message>
    <message>
        <source>Results delivered</source>
        <translation>Kết quả đã trả</translation>
    </message>
    <message>
        <source>Ratings taken</source>
        <translation>Lượt đánh giá</translation>
    </message>
    <message>
        <source>{name} is on the home-service register</source>
        <translation>Đã thêm {name} vào danh sách phục vụ tại nhà</translation>
    </message>
    <message>
        <source>Visit to {name}: {status}</source>
        <translation>Lượt phục vụ {name}: {status}</translation>
    </message>
    <message>
        <source>{code} is replaced by the procedure&apos;s code</source>
        <translation>{code} được thay bằng mã thủ tục</translation>
    </message>
    <message>
        <source>Save the address</source>
        <translation>Lưu địa chỉ</translation>
    </message>
    <message>
        <source>&amp;Export the board (PDF)…</source>
        <translation>&amp;Xuất bảng mã QR (PDF)…</translation>
    </message>
    <message>
        <source>An A4 poster for the quarter: the ward&apos;s name, QR codes to the information pages of the most used procedures, the quarter&apos;s next Saturday sessions and the center&apos;s phone number.</source>
        <translation>Bảng khổ A4 cho khu phố: tên phường, mã QR dẫn đến trang thông tin của các thủ tục thường dùng nhất, lịch các buổi tiếp nhận thứ Bảy sắp tới của khu phố và số điện thoại của Trung tâm.</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Số thủ tục</translation>
    </message>
    <message>
        <source>Procedure page address</source>
        <translation>Địa chỉ trang thông tin thủ tục</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
    <message>
        <source>Export the QR board</source>
        <translation>Xuất bảng mã QR</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>QR board written to {path}</source>
        <translation>Đã ghi bảng mã QR vào {path}</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the first administrator</source>
        <translation>Tạo quản trị viên đầu tiên</translation>
    </message>
    <message>
        <source>Every officer now logs in. This database has no account yet: create the administrator&apos;s account; the administrator then adds the other officers.</source>
        <translation>Từ nay mọi cán bộ đều đăng nhập. Cơ sở dữ liệu này chưa có tài khoản nào: hãy tạo tài khoản quản trị viên; sau đó quản trị viên thêm các cán bộ khác.</translation>
    </message>
    <message>
        <source>e.g. nguyen.an</source>
        <translation>ví dụ nguyen.an</translation>
    </message>
    <message>
        <source>e.g. Trần Thị Bình</source>
        <translation>ví dụ Trần Thị Bình</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>&amp;Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
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
        <source>Submitted by another person (with a power of a&amp;ttorney)</source>
        <translation>Người khác nộp thay (có &amp;văn bản ủy quyền)</translation>
    </message>
    <message>
        <source>Space: received · 1/2/3: original/certified/photocopy · +/−: count · S: digitised copy reused · D: scanned · F2: edit cell · Insert: other paper</source>
        <translation>Space: đã nhận · 1/2/3: bản chính/bản sao chứng thực/bản photo · +/−: số lượng · S: tái sử dụng bản số hóa · D: đã số hóa · F2: sửa ô · Insert: giấy tờ khác</translation>
    </message>
    <message>
        <source>Filed online (public service portal)</source>
        <translation>Nộp trực tuyến (Cổng dịch vụ công)</translation>
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
    <name>IntakeReuse</name>
    <message>
        <source>Use he&amp;ld documents…</source>
        <translation>Dùng giấy tờ đã số hóa t&amp;rước…</translation>
    </message>
    <message>
        <source>Documents already digitised for this citizen may meet {papers} of the papers (of {total} reusable).</source>
        <translation>Giấy tờ đã số hóa của công dân này có thể đáp ứng {papers} thành phần hồ sơ (trên {total} thành phần được tái sử dụng).</translation>
    </message>
</context>
<context>
    <name>Lateness</name>
    <message>
        <source>late by less than a working day</source>
        <translation>trễ chưa đến 1 ngày làm việc</translation>
    </message>
    <message>
        <source>{days} working days late</source>
        <translation>trễ {days} ngày làm việc</translation>
    </message>
    <message>
        <source>due {when} · {late}</source>
        <translation>hẹn {when} · {late}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in – HCC Desktop</source>
        <translation>Đăng nhập – HCC Desktop</translation>
    </message>
    <message>
        <source>e.g. nguyen.an</source>
        <translation>ví dụ nguyen.an</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>MainActionsMixin</name>
    <message>
        <source>&amp;Receive dossier</source>
        <translation>&amp;Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>Receive a new dossier (F2)</source>
        <translation>Tiếp nhận hồ sơ mới (F2)</translation>
    </message>
    <message>
        <source>Re&amp;print receipt</source>
        <translation>&amp;In lại giấy tiếp nhận</translation>
    </message>
    <message>
        <source>Print the receipt (Mẫu 01) of the selected dossier again (Ctrl+P)</source>
        <translation>In lại Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) của hồ sơ đang chọn (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Open dossier</source>
        <translation>&amp;Mở hồ sơ</translation>
    </message>
    <message>
        <source>Details, history and next steps of the selected dossier (Enter)</source>
        <translation>Thông tin, quá trình xử lý và các bước tiếp theo của hồ sơ đang chọn (Enter)</translation>
    </message>
    <message>
        <source>&amp;Apology and new appointment…</source>
        <translation>&amp;Xin lỗi và hẹn lại…</translation>
    </message>
    <message>
        <source>Write the apology letter (Mẫu 04) for a late dossier, with a new appointment</source>
        <translation>Lập văn bản xin lỗi và hẹn lại thời gian trả kết quả (Mẫu 04) cho hồ sơ trễ hạn</translation>
    </message>
    <message>
        <source>&amp;Reminders</source>
        <translation>&amp;Nhắc việc</translation>
    </message>
    <message>
        <source>Dossier tracking &amp;book (Form 07)…</source>
        <translation>&amp;Sổ theo dõi hồ sơ (Mẫu 07)…</translation>
    </message>
    <message>
        <source>Reports &amp;dashboard…</source>
        <translation>Bảng số liệu &amp;báo cáo…</translation>
    </message>
    <message>
        <source>Figures of a period: Biểu II.06a, rates, the 766 estimate (F6)</source>
        <translation>Số liệu của một kỳ: Biểu II.06a, các tỷ lệ, ước tính chỉ số 766 (F6)</translation>
    </message>
    <message>
        <source>&amp;Complaints and petitions…</source>
        <translation>&amp;Phản ánh, kiến nghị…</translation>
    </message>
    <message>
        <source>Access &amp;log…</source>
        <translation>&amp;Nhật ký truy cập…</translation>
    </message>
    <message>
        <source>&amp;Field work (sessions, home visits)…</source>
        <translation>Công tác &amp;lưu động (buổi thứ Bảy, phục vụ tại nhà)…</translation>
    </message>
    <message>
        <source>&amp;Synchronise…</source>
        <translation>Đồng &amp;bộ…</translation>
    </message>
    <message>
        <source>Synchronise with the server (F9)</source>
        <translation>Đồng bộ với máy chủ (F9)</translation>
    </message>
    <message>
        <source>Show the deadline reminders (F8)</source>
        <translation>Xem nhắc việc hồ sơ đến hạn (F8)</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <source>Officer &amp;accounts…</source>
        <translation>&amp;Tài khoản cán bộ…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Đổi &amp;mật khẩu của tôi…</translation>
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
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Catalog</source>
        <translation>&amp;Danh mục</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Số liệu, báo cáo</translation>
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
        <source>Settings saved.</source>
        <translation>Đã lưu cài đặt.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HCC Desktop {version}&lt;/h3&gt;&lt;p&gt;Receiving dossiers at the one-stop counter of a ward or commune Public Administrative Service Center, without needing a network.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;br&gt;Log files: {logs}&lt;/p&gt;&lt;p&gt;Qt {qt}, Python {python}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HCC Desktop {version}&lt;/h3&gt;&lt;p&gt;Phần mềm tiếp nhận hồ sơ tại bộ phận một cửa của Trung tâm Phục vụ hành chính công phường, xã; hoạt động không cần kết nối mạng.&lt;/p&gt;&lt;p&gt;Cơ sở dữ liệu: {db}&lt;br&gt;Thư mục nhật ký: {logs}&lt;/p&gt;&lt;p&gt;Qt {qt}, Python {python}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About HCC Desktop</source>
        <translation>Giới thiệu HCC Desktop</translation>
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
        <source>Backup not taken</source>
        <translation>Chưa sao lưu được</translation>
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
        <source>Database: {path}</source>
        <translation>Cơ sở dữ liệu: {path}</translation>
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
        <source>Too long (at most {max} characters)</source>
        <translation>Quá dài (tối đa {max} ký tự)</translation>
    </message>
    <message>
        <source>Cannot be earlier than the previous step of the dossier ({previous})</source>
        <translation>Không được sớm hơn bước trước của hồ sơ ({previous})</translation>
    </message>
    <message>
        <source>The new appointment must be later than the current one and than now</source>
        <translation>Ngày hẹn mới phải sau ngày hẹn hiện tại và sau thời điểm hiện tại</translation>
    </message>
    <message>
        <source>The end date is before the start date</source>
        <translation>Ngày kết thúc trước ngày bắt đầu</translation>
    </message>
    <message>
        <source>The period is too long (at most {max} days)</source>
        <translation>Khoảng thời gian quá dài (tối đa {max} ngày)</translation>
    </message>
    <message>
        <source>The file must hold a JSON object</source>
        <translation>Tệp phải chứa một đối tượng JSON</translation>
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
        <source>The number of copies must be between {min} and {max}: correct it</source>
        <translation>Số bản phải từ {min} đến {max}: hãy sửa lại</translation>
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
        <source>The name is too long (at most {max} characters)</source>
        <translation>Họ tên quá dài (tối đa {max} ký tự)</translation>
    </message>
    <message>
        <source>The address is too long (at most {max} characters)</source>
        <translation>Địa chỉ quá dài (tối đa {max} ký tự)</translation>
    </message>
    <message>
        <source>The time of receipt must be between {min} and {max}</source>
        <translation>Thời gian tiếp nhận phải trong khoảng {min} – {max}</translation>
    </message>
    <message>
        <source>Unusual time of receipt: check the year (before {min}, or ahead of now)</source>
        <translation>Thời gian tiếp nhận bất thường: hãy kiểm tra lại năm (trước {min} hoặc sau thời điểm hiện tại)</translation>
    </message>
    <message>
        <source>The fee is too large (at most {max} đồng)</source>
        <translation>Phí, lệ phí quá lớn (tối đa {max} đồng)</translation>
    </message>
    <message>
        <source>The time cannot be later than now (at most {max})</source>
        <translation>Thời điểm không được sau thời gian hiện tại (muộn nhất {max})</translation>
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
        <source>Enter the reason</source>
        <translation>Nhập lý do</translation>
    </message>
    <message>
        <source>Enter who receives the dossier (officer or department)</source>
        <translation>Nhập người nhận hồ sơ (cán bộ hoặc bộ phận)</translation>
    </message>
    <message>
        <source>The amount cannot be negative</source>
        <translation>Số tiền không được âm</translation>
    </message>
    <message>
        <source>The server address is not valid: it starts with http:// or https:// followed by the server&apos;s name (e.g. https://dongbo.example.gov.vn)</source>
        <translation>Địa chỉ máy chủ không hợp lệ: phải bắt đầu bằng http:// hoặc https:// rồi đến tên máy chủ (ví dụ https://dongbo.example.gov.vn)</translation>
    </message>
    <message>
        <source>Enter the server address</source>
        <translation>Nhập địa chỉ máy chủ</translation>
    </message>
    <message>
        <source>Enter the enrolment code given by the administrator</source>
        <translation>Nhập mã đăng ký do quản trị viên cấp</translation>
    </message>
    <message>
        <source>Enter a name for this device</source>
        <translation>Nhập tên cho máy này</translation>
    </message>
    <message>
        <source>The parent body is the same as the unit name: enter the body above the center (e.g. UBND PHƯỜNG HOÀI NHƠN BẮC) or leave it empty</source>
        <translation>Cơ quan chủ quản trùng với tên đơn vị: nhập cơ quan cấp trên của Trung tâm (ví dụ UBND PHƯỜNG HOÀI NHƠN BẮC) hoặc để trống</translation>
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
        <source>The day {day} is not in the calendar table</source>
        <translation>Ngày {day} không có trong bảng lịch làm việc</translation>
    </message>
    <message>
        <source>The date and time must be written yyyyMMddHHmmss ({value})</source>
        <translation>Ngày giờ phải viết dạng yyyyMMddHHmmss ({value})</translation>
    </message>
    <message>
        <source>The time must be written YYYY-MM-DD HH:MM or dd/MM/yyyy HH:mm ({value})</source>
        <translation>Thời gian phải viết dạng YYYY-MM-DD HH:MM hoặc dd/MM/yyyy HH:mm ({value})</translation>
    </message>
    <message>
        <source>Earlier than the time of receipt</source>
        <translation>Sớm hơn thời điểm tiếp nhận</translation>
    </message>
    <message>
        <source>Only registered (status 1): the center has not received this dossier yet</source>
        <translation>Hồ sơ mới đăng ký (trạng thái 1): trung tâm chưa tiếp nhận hồ sơ này</translation>
    </message>
    <message>
        <source>The file must hold a list of dossiers</source>
        <translation>Tệp phải chứa một danh sách hồ sơ</translation>
    </message>
    <message>
        <source>Columns missing: {columns}</source>
        <translation>Thiếu cột: {columns}</translation>
    </message>
    <message>
        <source>Complaint {id} was not found</source>
        <translation>Không tìm thấy phản ánh, kiến nghị {id}</translation>
    </message>
    <message>
        <source>This complaint has already been resolved</source>
        <translation>Phản ánh, kiến nghị này đã được xử lý</translation>
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
        <source>The report was cancelled</source>
        <translation>Đã hủy lập báo cáo</translation>
    </message>
    <message>
        <source>Not an identity number: 12 digits (CCCD), 9 digits (CMND) or a passport number</source>
        <translation>Không phải số định danh: 12 chữ số (CCCD), 9 chữ số (CMND) hoặc số hộ chiếu</translation>
    </message>
    <message>
        <source>Enter a user name</source>
        <translation>Nhập tên đăng nhập</translation>
    </message>
    <message>
        <source>2 to 32 characters: lower-case letters without diacritics, digits, dot, dash or underscore (for example nguyen.an)</source>
        <translation>Từ 2 đến 32 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới (ví dụ nguyen.an)</translation>
    </message>
    <message>
        <source>At least {min} characters</source>
        <translation>Ít nhất {min} ký tự</translation>
    </message>
    <message>
        <source>At most {max} characters</source>
        <translation>Nhiều nhất {max} ký tự</translation>
    </message>
    <message>
        <source>Too simple: use at least three different characters</source>
        <translation>Quá đơn giản: dùng ít nhất ba ký tự khác nhau</translation>
    </message>
    <message>
        <source>The two passwords are not the same</source>
        <translation>Hai mật khẩu không giống nhau</translation>
    </message>
    <message>
        <source>The current password is wrong</source>
        <translation>Mật khẩu hiện tại không đúng</translation>
    </message>
    <message>
        <source>Unknown role: counter, leader or admin</source>
        <translation>Vai trò không hợp lệ: counter, leader hoặc admin</translation>
    </message>
    <message>
        <source>The province code is not valid: letters and digits, up to 32 (for example 52)</source>
        <translation>Mã tỉnh không hợp lệ: chữ và số, tối đa 32 ký tự (ví dụ 52)</translation>
    </message>
    <message>
        <source>Unknown file type {suffix}: choose .xlsx, .pdf or .docx</source>
        <translation>Không hỗ trợ loại tệp {suffix}: hãy chọn .xlsx, .pdf hoặc .docx</translation>
    </message>
    <message>
        <source>The end must be after the start</source>
        <translation>Giờ kết thúc phải sau giờ bắt đầu</translation>
    </message>
    <message>
        <source>The day is already past</source>
        <translation>Ngày này đã qua</translation>
    </message>
    <message>
        <source>This credential may not do that</source>
        <translation>Thông tin xác thực này không được phép làm việc đó</translation>
    </message>
    <message>
        <source>The province report needs a PostgreSQL server database</source>
        <translation>Báo cáo cấp tỉnh cần máy chủ dùng cơ sở dữ liệu PostgreSQL</translation>
    </message>
    <message>
        <source>Reviewer {reviewer_id} was not found</source>
        <translation>Không tìm thấy tài khoản xem báo cáo {reviewer_id}</translation>
    </message>
    <message>
        <source>Unit {unit} was not found</source>
        <translation>Không tìm thấy đơn vị {unit}</translation>
    </message>
    <message>
        <source>Unit {unit} is not in province {province}</source>
        <translation>Đơn vị {unit} không thuộc tỉnh {province}</translation>
    </message>
    <message>
        <source>Saturday session {id} was not found</source>
        <translation>Không tìm thấy buổi tiếp nhận thứ Bảy {id}</translation>
    </message>
    <message>
        <source>This session is planned for {day}: it can only be opened on its day</source>
        <translation>Buổi tiếp nhận này được lên lịch vào ngày {day}: chỉ mở được đúng ngày đó</translation>
    </message>
    <message>
        <source>This session has already been held or cancelled: it cannot be opened</source>
        <translation>Buổi tiếp nhận này đã diễn ra hoặc đã hủy: không thể mở lại</translation>
    </message>
    <message>
        <source>This session is not open</source>
        <translation>Buổi tiếp nhận này chưa được mở</translation>
    </message>
    <message>
        <source>Only a session that has not been opened can be cancelled</source>
        <translation>Chỉ hủy được buổi tiếp nhận chưa mở</translation>
    </message>
    <message>
        <source>Another session ({id}) is open on this device: close it first</source>
        <translation>Máy này đang mở một buổi tiếp nhận khác ({id}): hãy đóng buổi đó trước</translation>
    </message>
    <message>
        <source>Resident {id} is not on the home-service register</source>
        <translation>Người dân {id} không có trong danh sách phục vụ tại nhà</translation>
    </message>
    <message>
        <source>Home visit {id} was not found</source>
        <translation>Không tìm thấy lượt phục vụ tại nhà {id}</translation>
    </message>
    <message>
        <source>This home visit has already been done or cancelled</source>
        <translation>Lượt phục vụ tại nhà này đã thực hiện hoặc đã hủy</translation>
    </message>
    <message>
        <source>Plan the visit (day and officer) before recording it</source>
        <translation>Hãy lên lịch (ngày và cán bộ) trước khi ghi kết quả lượt phục vụ</translation>
    </message>
    <message>
        <source>Wrong user name or password</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu</translation>
    </message>
    <message>
        <source>This account is locked until {until} after too many wrong passwords: wait, or ask an administrator to unlock it</source>
        <translation>Tài khoản bị khóa đến {until} do nhập sai mật khẩu quá nhiều lần: hãy chờ, hoặc nhờ quản trị viên mở khóa</translation>
    </message>
    <message>
        <source>This account was locked by an administrator: ask an administrator to unlock it</source>
        <translation>Tài khoản này đã bị quản trị viên khóa: hãy nhờ quản trị viên mở khóa</translation>
    </message>
    <message>
        <source>This database has no officer accounts yet: create its first administrator</source>
        <translation>Cơ sở dữ liệu này chưa có tài khoản cán bộ nào: hãy tạo quản trị viên đầu tiên</translation>
    </message>
    <message>
        <source>This database already has an administrator: log in with that account</source>
        <translation>Cơ sở dữ liệu này đã có quản trị viên: hãy đăng nhập bằng tài khoản đó</translation>
    </message>
    <message>
        <source>Log in first</source>
        <translation>Hãy đăng nhập trước</translation>
    </message>
    <message>
        <source>Your role ({role}) is not allowed to do this ({permission})</source>
        <translation>Vai trò của bạn ({role}) không được phép làm việc này ({permission})</translation>
    </message>
    <message>
        <source>Only the center leader or an administrator may read the access log or export a citizen&apos;s data (your role: {role})</source>
        <translation>Chỉ lãnh đạo trung tâm hoặc quản trị viên được xem nhật ký truy cập hoặc xuất dữ liệu công dân (vai trò của bạn: {role})</translation>
    </message>
    <message>
        <source>No dossier, home visit or document of the citizen {id_number} is held here</source>
        <translation>Máy này không lưu hồ sơ, lượt phục vụ tại nhà hay giấy tờ nào của công dân {id_number}</translation>
    </message>
    <message>
        <source>The user name {user} is already taken</source>
        <translation>Tên đăng nhập {user} đã có người dùng</translation>
    </message>
    <message>
        <source>There is no account {user}</source>
        <translation>Không có tài khoản {user}</translation>
    </message>
    <message>
        <source>The database {path} is encrypted and its key is not in this computer&apos;s keyring: set HCC_RECOVERY_KEY to the recovery key shown at set-up and start again</source>
        <translation>Cơ sở dữ liệu {path} đã được mã hóa nhưng khóa của nó không có trong kho khóa của máy này: hãy đặt biến HCC_RECOVERY_KEY bằng khóa khôi phục được hiển thị khi cài đặt rồi khởi động lại</translation>
    </message>
    <message>
        <source>The key does not open the database {path}: nothing was changed. Check the recovery key (HCC_RECOVERY_KEY) or the keyring</source>
        <translation>Khóa không mở được cơ sở dữ liệu {path}: không có gì bị thay đổi. Hãy kiểm tra khóa khôi phục (HCC_RECOVERY_KEY) hoặc kho khóa</translation>
    </message>
    <message>
        <source>HCC_RECOVERY_KEY is not a recovery key (13 groups of 4 letters and digits)</source>
        <translation>HCC_RECOVERY_KEY không phải là khóa khôi phục (13 nhóm, mỗi nhóm 4 chữ cái và chữ số)</translation>
    </message>
    <message>
        <source>The database key could not be kept in the keyring: {detail}</source>
        <translation>Không lưu được khóa của cơ sở dữ liệu vào kho khóa: {detail}</translation>
    </message>
    <message>
        <source>The database {path} could not be encrypted ({detail}); it was left as it was</source>
        <translation>Không mã hóa được cơ sở dữ liệu {path} ({detail}); tệp được giữ nguyên như cũ</translation>
    </message>
    <message>
        <source>The backup could not be made</source>
        <translation>Không sao lưu được</translation>
    </message>
    <message>
        <source>The backup folder {folder} is not there (is the USB stick plugged in?): plug it in or choose another folder</source>
        <translation>Không thấy thư mục sao lưu {folder} (USB đã được cắm chưa?): hãy cắm USB hoặc chọn thư mục khác</translation>
    </message>
    <message>
        <source>The backup could not be written to {folder}: {detail}</source>
        <translation>Không ghi được bản sao lưu vào {folder}: {detail}</translation>
    </message>
    <message>
        <source>The backup file {path} does not exist: check its name and folder</source>
        <translation>Không có tệp sao lưu {path}: hãy kiểm tra tên tệp và thư mục</translation>
    </message>
    <message>
        <source>The backup {path} has no description file ({manifest}) beside it, so it cannot be checked; nothing was replaced</source>
        <translation>Bản sao lưu {path} không có tệp mô tả ({manifest}) đi kèm nên không thể kiểm tra; không có gì bị thay thế</translation>
    </message>
    <message>
        <source>The backup {path} is damaged or was changed since it was made (its fingerprint does not match); nothing was replaced</source>
        <translation>Bản sao lưu {path} bị hỏng hoặc đã bị thay đổi sau khi tạo (mã băm không khớp); không có gì bị thay thế</translation>
    </message>
    <message>
        <source>The backup {path} is not a readable HCC Desktop database ({detail}); nothing was replaced</source>
        <translation>Bản sao lưu {path} không phải là cơ sở dữ liệu HCC Desktop đọc được ({detail}); không có gì bị thay thế</translation>
    </message>
    <message>
        <source>The backup {path} does not hold the records it was made with (table {table}); nothing was replaced</source>
        <translation>Bản sao lưu {path} không còn đủ dữ liệu như lúc tạo (bảng {table}); không có gì bị thay thế</translation>
    </message>
    <message>
        <source>The backup {path} was made by a newer version of HCC Desktop (database version {revision}): update this program first; nothing was replaced</source>
        <translation>Bản sao lưu {path} được tạo bởi phiên bản HCC Desktop mới hơn (phiên bản cơ sở dữ liệu {revision}): hãy cập nhật chương trình trước; không có gì bị thay thế</translation>
    </message>
    <message>
        <source>The history in the backup {path} does not verify (dossier {code}: {kind}); nothing was replaced</source>
        <translation>Lịch sử hồ sơ trong bản sao lưu {path} không toàn vẹn (hồ sơ {code}: {kind}); không có gì bị thay thế</translation>
    </message>
    <message>
        <source>This action is no longer possible for dossier {code} (its status is now {status}): it may have been changed meanwhile on this or another computer</source>
        <translation>Không thể thực hiện thao tác này với hồ sơ {code} (mã trạng thái hiện tại: {status}): có thể hồ sơ vừa được thay đổi trên máy này hoặc máy khác</translation>
    </message>
    <message>
        <source>Dossier {code} has already ended: no apology letter can be issued for it</source>
        <translation>Hồ sơ {code} đã kết thúc: không thể lập văn bản xin lỗi</translation>
    </message>
    <message>
        <source>Dossier {code} has not been processed yet: it cannot be rated</source>
        <translation>Hồ sơ {code} chưa giải quyết xong: chưa thể đánh giá</translation>
    </message>
    <message>
        <source>Dossier {code} has no such step recorded: this form cannot be printed</source>
        <translation>Hồ sơ {code} chưa có bước này: không thể in mẫu này</translation>
    </message>
    <message>
        <source>Unknown on-time result: {value}</source>
        <translation>Kết quả đánh giá thời hạn không xác định: {value}</translation>
    </message>
    <message>
        <source>Form {form} could not be written as a spreadsheet: {reason}</source>
        <translation>Không ghi được Mẫu {form} ra tệp bảng tính: {reason}</translation>
    </message>
    <message>
        <source>This device is not registered with a sync server yet: register it on the sync screen with the code given by the administrator.</source>
        <translation>Máy này chưa đăng ký với máy chủ đồng bộ: hãy đăng ký trên màn hình đồng bộ bằng mã do quản trị viên cấp.</translation>
    </message>
    <message>
        <source>Cannot connect to the server. The data are kept on this device and will be sent when the network is back.</source>
        <translation>Không kết nối được máy chủ. Dữ liệu vẫn được lưu trên máy này và sẽ gửi khi có mạng.</translation>
    </message>
    <message>
        <source>The secure connection to the server failed (its certificate could not be verified). Contact the administrator.</source>
        <translation>Không thiết lập được kết nối an toàn tới máy chủ (không xác thực được chứng thư của máy chủ). Liên hệ quản trị viên.</translation>
    </message>
    <message>
        <source>This device&apos;s right to synchronise has been revoked. Contact the administrator to register it again.</source>
        <translation>Thiết bị đã bị thu hồi quyền đồng bộ. Liên hệ quản trị viên để đăng ký lại.</translation>
    </message>
    <message>
        <source>The server does not recognise this device. Contact the administrator to register it again.</source>
        <translation>Máy chủ không nhận ra thiết bị này. Liên hệ quản trị viên để đăng ký lại.</translation>
    </message>
    <message>
        <source>The server was not told which device is calling. Register the device again.</source>
        <translation>Máy chủ không xác định được thiết bị đang kết nối. Hãy đăng ký lại thiết bị.</translation>
    </message>
    <message>
        <source>The sync credential stored on this computer cannot be read. Register the device again with a new code from the administrator.</source>
        <translation>Không đọc được thông tin xác thực đồng bộ lưu trên máy này. Hãy đăng ký lại thiết bị bằng mã mới do quản trị viên cấp.</translation>
    </message>
    <message>
        <source>The sync credential could not be stored safely on this computer: {detail}</source>
        <translation>Không lưu được thông tin xác thực đồng bộ một cách an toàn trên máy này: {detail}</translation>
    </message>
    <message>
        <source>The history on this device has been altered (dossier {code}): nothing was sent to the server. Run &apos;audit verify&apos; and contact the center leader.</source>
        <translation>Lịch sử hồ sơ trên máy này đã bị sửa đổi (hồ sơ {code}): chưa gửi gì lên máy chủ. Hãy chạy &apos;audit verify&apos; và báo lãnh đạo trung tâm.</translation>
    </message>
    <message>
        <source>The server refused the changes: they are not signed with this device&apos;s key. Register the device again and contact the administrator.</source>
        <translation>Máy chủ đã từ chối các thay đổi: chúng không được ký bằng khóa của máy này. Hãy đăng ký lại máy và liên hệ quản trị viên.</translation>
    </message>
    <message>
        <source>The server holds another signing key for this device: register the device again with a new code from the administrator.</source>
        <translation>Máy chủ đang giữ một khóa ký khác cho máy này: hãy đăng ký lại máy bằng mã mới do quản trị viên cấp.</translation>
    </message>
    <message>
        <source>The server refused the request. Contact the administrator of the server.</source>
        <translation>Máy chủ từ chối yêu cầu. Liên hệ quản trị viên máy chủ.</translation>
    </message>
    <message>
        <source>The server failed to process the request. The data are kept on this device; try again later.</source>
        <translation>Máy chủ gặp lỗi khi xử lý yêu cầu. Dữ liệu vẫn được lưu trên máy này; hãy thử lại sau.</translation>
    </message>
    <message>
        <source>This enrolment code does not exist: check it or ask for a new one</source>
        <translation>Mã đăng ký không tồn tại: kiểm tra lại hoặc xin mã mới</translation>
    </message>
    <message>
        <source>This enrolment code has already been used: ask for a new one</source>
        <translation>Mã đăng ký này đã được sử dụng: hãy xin mã mới</translation>
    </message>
    <message>
        <source>This enrolment code has expired: ask for a new one</source>
        <translation>Mã đăng ký này đã hết hạn: hãy xin mã mới</translation>
    </message>
    <message>
        <source>The unit already has 10 active devices: the administrator must revoke one on the server first</source>
        <translation>Đơn vị đã có đủ 10 thiết bị đang hoạt động: quản trị viên cần thu hồi một thiết bị trên máy chủ trước</translation>
    </message>
    <message>
        <source>The server already has an active device with this device&apos;s id: the administrator must revoke the old device on the server before this device can register</source>
        <translation>Máy chủ đã có một máy đang hoạt động mang mã máy này: quản trị viên phải thu hồi máy cũ trên máy chủ trước khi máy này đăng ký</translation>
    </message>
    <message>
        <source>Too many failed attempts: try again in {retry_after} seconds</source>
        <translation>Có quá nhiều lần thử không thành công: hãy thử lại sau {retry_after} giây</translation>
    </message>
    <message>
        <source>Refused to send data over unencrypted http:// to {url}: use an https:// address, or allow it in the settings (allow-insecure-http) on a trusted network only</source>
        <translation>Từ chối gửi dữ liệu qua kết nối http:// không mã hóa tới {url}: hãy dùng địa chỉ https://, hoặc cho phép trong phần cài đặt (allow-insecure-http) và chỉ trên mạng tin cậy</translation>
    </message>
    <message>
        <source>This device holds dossiers of unit {device_unit}: it cannot join unit {server_unit}</source>
        <translation>Máy này đang lưu hồ sơ của đơn vị {device_unit}: không thể tham gia đơn vị {server_unit}</translation>
    </message>
    <message>
        <source>This device runs HCC Desktop {device_version}, too old for the sync server: install HCC Desktop version {required_version} or newer, then synchronise again (the data stay on this device)</source>
        <translation>Máy này đang chạy HCC Desktop {device_version}, đã quá cũ để đồng bộ với máy chủ: hãy cài đặt HCC Desktop phiên bản {required_version} trở lên rồi đồng bộ lại (dữ liệu vẫn được giữ trên máy này)</translation>
    </message>
    <message>
        <source>The data bundle {path} could not be written: {detail}</source>
        <translation>Không ghi được gói dữ liệu {path}: {detail}</translation>
    </message>
    <message>
        <source>This conflict no longer exists: the list has been refreshed</source>
        <translation>Xung đột này không còn nữa: danh sách đã được cập nhật</translation>
    </message>
    <message>
        <source>This conflict has already been resolved</source>
        <translation>Xung đột này đã được xử lý</translation>
    </message>
    <message>
        <source>The server did not understand the request</source>
        <translation>Máy chủ không hiểu yêu cầu</translation>
    </message>
    <message>
        <source>Too many changes were sent at once</source>
        <translation>Gửi quá nhiều thay đổi trong một lần</translation>
    </message>
    <message>
        <source>Device {device_id} is not enrolled</source>
        <translation>Thiết bị {device_id} chưa được đăng ký</translation>
    </message>
    <message>
        <source>The unit identifier code {unit_code} is not valid</source>
        <translation>Mã định danh đơn vị {unit_code} không hợp lệ</translation>
    </message>
    <message>
        <source>The server database address is not valid: {url}</source>
        <translation>Địa chỉ cơ sở dữ liệu của máy chủ không hợp lệ: {url}</translation>
    </message>
    <message>
        <source>The server database cannot be reached: {detail}</source>
        <translation>Không kết nối được cơ sở dữ liệu của máy chủ: {detail}</translation>
    </message>
    <message>
        <source>Dossier {code} has no paper {key}: give its catalog id or its number</source>
        <translation>Hồ sơ {code} không có thành phần {key}: hãy nhập mã thành phần trong danh mục hoặc số thứ tự của nó</translation>
    </message>
    <message>
        <source>The file {name} is not a readable image or PDF (damaged, or another kind of file); nothing was attached</source>
        <translation>Tệp {name} không phải ảnh hoặc PDF đọc được (bị hỏng hoặc không đúng loại tệp); chưa đính kèm gì</translation>
    </message>
    <message>
        <source>The scan is {size_mb} MB, over the limit of {limit_mb} MB for one paper; scan in black and white at 200 dpi, or attach fewer pages</source>
        <translation>Bản quét dung lượng {size_mb} MB, vượt giới hạn {limit_mb} MB cho một thành phần hồ sơ; hãy quét đen trắng ở 200 dpi hoặc đính kèm ít trang hơn</translation>
    </message>
    <message>
        <source>The file {name} is too large for a scanned page ({size_mb} MB)</source>
        <translation>Tệp {name} quá lớn so với một trang quét ({size_mb} MB)</translation>
    </message>
    <message>
        <source>The scan has {pages} pages, more than the {limit} allowed for one paper</source>
        <translation>Bản quét có {pages} trang, nhiều hơn mức {limit} trang cho phép đối với một thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Cannot read the file {name}</source>
        <translation>Không đọc được tệp {name}</translation>
    </message>
    <message>
        <source>There are no pages to attach</source>
        <translation>Chưa có trang nào để đính kèm</translation>
    </message>
    <message>
        <source>The file of this document is not on this computer yet; synchronise to fetch it</source>
        <translation>Tệp của giấy tờ này chưa có trên máy; hãy đồng bộ để tải về</translation>
    </message>
    <message>
        <source>This document is not among those held for the dossier&apos;s citizen</source>
        <translation>Giấy tờ này không thuộc các giấy tờ đã số hóa của công dân trong hồ sơ</translation>
    </message>
    <message>
        <source>The file received was damaged (its SHA-256 does not match); it was not kept</source>
        <translation>Tệp nhận được bị sai lệch (mã SHA-256 không khớp); đã không lưu</translation>
    </message>
    <message>
        <source>{sha256} is not a valid SHA-256</source>
        <translation>{sha256} không phải mã SHA-256 hợp lệ</translation>
    </message>
    <message>
        <source>The file of this document is encrypted and the database key is not open</source>
        <translation>Tệp của giấy tờ này đã được mã hóa mà khóa của cơ sở dữ liệu chưa được mở</translation>
    </message>
    <message>
        <source>The stored file of this document is damaged or was altered; fetch it again by a sync</source>
        <translation>Tệp lưu của giấy tờ này bị hỏng hoặc đã bị sửa đổi; hãy đồng bộ để tải lại</translation>
    </message>
    <message>
        <source>The server has no such file for this unit</source>
        <translation>Máy chủ không có tệp này cho đơn vị</translation>
    </message>
    <message>
        <source>The file could not be attached</source>
        <translation>Không đính kèm được tệp</translation>
    </message>
    <message>
        <source>The server does not hold this file for the unit yet; synchronise again</source>
        <translation>Máy chủ chưa có tệp này của đơn vị; hãy đồng bộ lại</translation>
    </message>
    <message>
        <source>A piece of a file was damaged on the way; synchronise again</source>
        <translation>Một phần của tệp bị sai lệch trên đường truyền; hãy đồng bộ lại</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mật khẩu hiện tại</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
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
        <source>Parent body</source>
        <translation>Cơ quan chủ quản</translation>
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
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Bộ phận</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Time of the action</source>
        <translation>Thời điểm thực hiện</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>Ngày hẹn mới</translation>
    </message>
    <message>
        <source>Convenience</source>
        <translation>Mức độ thuận tiện</translation>
    </message>
    <message>
        <source>Overall rating</source>
        <translation>Đánh giá tổng thể</translation>
    </message>
    <message>
        <source>Rating criteria</source>
        <translation>Tiêu chí đánh giá</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Góp ý</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Mã đăng ký</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Tên thiết bị</translation>
    </message>
    <message>
        <source>Sync interval</source>
        <translation>Chu kỳ đồng bộ</translation>
    </message>
    <message>
        <source>Sync warning</source>
        <translation>Cảnh báo đồng bộ</translation>
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
        <source>Person collecting the result</source>
        <translation>Người nhận kết quả</translation>
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
    <message>
        <source>is missing: add it to the file</source>
        <translation>bị thiếu: hãy bổ sung vào tệp</translation>
    </message>
    <message>
        <source>is empty: fill it in</source>
        <translation>đang để trống: hãy điền vào</translation>
    </message>
    <message>
        <source>has no entry: add at least one</source>
        <translation>chưa có mục nào: hãy thêm ít nhất một mục</translation>
    </message>
    <message>
        <source>is too long (at most {max} characters): shorten it</source>
        <translation>quá dài (tối đa {max} ký tự): hãy rút gọn</translation>
    </message>
    <message>
        <source>is not written correctly: write one digit, a dot and six digits (for example 1.001193)</source>
        <translation>không đúng dạng: hãy ghi một chữ số, dấu chấm và sáu chữ số (ví dụ 1.001193)</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>không có tệp này</translation>
    </message>
    <message>
        <source>no permission to use it</source>
        <translation>không có quyền sử dụng</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>đây là thư mục, không phải tệp</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ổ đĩa đã đầy</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>ổ đĩa chỉ cho phép đọc</translation>
    </message>
    <message>
        <source>must be at least {min}: correct it</source>
        <translation>phải từ {min} trở lên: hãy sửa lại</translation>
    </message>
    <message>
        <source>This is neither a CCCD number (12 digits, no letters) nor a passport number (6 to 9 capital letters and digits): check the number typed</source>
        <translation>Đây không phải số CCCD (12 chữ số, không có chữ cái) cũng không phải số hộ chiếu (6 đến 9 chữ cái in hoa và chữ số): hãy kiểm tra lại số đã nhập</translation>
    </message>
    <message>
        <source>{user} is the last administrator who can log in: the account cannot be locked or given another role</source>
        <translation>{user} là quản trị viên cuối cùng còn đăng nhập được: không thể khóa tài khoản hay đổi sang vai trò khác</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Khóa sau số phút không dùng</translation>
    </message>
    <message>
        <source>Residential quarter</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Cán bộ thực hiện</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Why at home</source>
        <translation>Lý do phục vụ tại nhà</translation>
    </message>
    <message>
        <source>Consent recorded on</source>
        <translation>Ngày ghi nhận đồng ý</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Người dân</translation>
    </message>
    <message>
        <source>Purpose of the visit</source>
        <translation>Nội dung yêu cầu</translation>
    </message>
    <message>
        <source>Time of the request</source>
        <translation>Thời điểm yêu cầu</translation>
    </message>
    <message>
        <source>Visit day</source>
        <translation>Ngày phục vụ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Time spent (minutes)</source>
        <translation>Thời gian thực hiện (phút)</translation>
    </message>
    <message>
        <source>Dossiers received</source>
        <translation>Số hồ sơ tiếp nhận</translation>
    </message>
    <message>
        <source>Results delivered</source>
        <translation>Số kết quả đã trả</translation>
    </message>
    <message>
        <source>Ratings taken</source>
        <translation>Số lượt đánh giá</translation>
    </message>
    <message>
        <source>Time of the visit</source>
        <translation>Thời điểm phục vụ</translation>
    </message>
    <message>
        <source>Procedure page address</source>
        <translation>Địa chỉ trang thông tin thủ tục</translation>
    </message>
    <message>
        <source>Number of procedures</source>
        <translation>Số thủ tục</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Số bản sao lưu giữ lại</translation>
    </message>
    <message>
        <source>must be at most {max}: correct it</source>
        <translation>không được quá {max}: hãy sửa lại</translation>
    </message>
    <message>
        <source>must be a whole number: correct it</source>
        <translation>phải là một số nguyên: hãy sửa lại</translation>
    </message>
    <message>
        <source>must be a text in quotation marks: correct it</source>
        <translation>phải là một chuỗi chữ đặt trong dấu ngoặc kép: hãy sửa lại</translation>
    </message>
    <message>
        <source>must be true or false: correct it</source>
        <translation>phải là true (có) hoặc false (không): hãy sửa lại</translation>
    </message>
    <message>
        <source>must be a list in square brackets: correct it</source>
        <translation>phải là một danh sách trong dấu ngoặc vuông: hãy sửa lại</translation>
    </message>
    <message>
        <source>must be an object in braces: correct it</source>
        <translation>phải là một đối tượng trong dấu ngoặc nhọn: hãy sửa lại</translation>
    </message>
    <message>
        <source>must be one of {expected}: correct it</source>
        <translation>phải là một trong các giá trị {expected}: hãy sửa lại</translation>
    </message>
    <message>
        <source>has an unknown field “{name}”: remove it or correct its spelling</source>
        <translation>có trường không xác định “{name}”: hãy xóa đi hoặc sửa lại tên cho đúng</translation>
    </message>
    <message>
        <source>lists the paper identifier {ids} more than once: give each paper its own identifier</source>
        <translation>có mã giấy tờ {ids} lặp lại nhiều lần: mỗi giấy tờ phải có một mã riêng</translation>
    </message>
    <message>
        <source>The procedure code {codes} appears more than once: keep only one</source>
        <translation>Mã thủ tục {codes} xuất hiện nhiều lần: chỉ giữ lại một</translation>
    </message>
    <message>
        <source>The paper identifier {ids} is used by several procedures: give each paper its own identifier</source>
        <translation>Mã giấy tờ {ids} được dùng cho nhiều thủ tục: mỗi giấy tờ phải có một mã riêng</translation>
    </message>
    <message>
        <source>This is not a procedure catalog file of HCC Desktop (the field “format” must be “hcc-catalog”): choose the file exported by the program or by the province</source>
        <translation>Đây không phải là tệp danh mục thủ tục của HCC Desktop (trường “format” phải là “hcc-catalog”): hãy chọn tệp do chương trình hoặc do tỉnh xuất ra</translation>
    </message>
    <message>
        <source>Catalog file version {value} is not supported (this program reads version 1): export the file again or update the program</source>
        <translation>Không hỗ trợ tệp danh mục phiên bản {value} (chương trình đọc được phiên bản 1): hãy xuất lại tệp hoặc cập nhật chương trình</translation>
    </message>
    <message>
        <source>The file is not valid JSON (line {line}, column {column}): correct it in a text editor or export it again</source>
        <translation>Tệp không đúng định dạng JSON (dòng {line}, cột {column}): hãy sửa bằng trình soạn thảo văn bản hoặc xuất lại tệp</translation>
    </message>
    <message>
        <source>The file is not a UTF-8 text file: export it again as UTF-8 JSON</source>
        <translation>Tệp không phải là tệp văn bản UTF-8: hãy xuất lại dưới dạng JSON UTF-8</translation>
    </message>
    <message>
        <source>Cannot read the file {path} ({reason}): check the name and the folder</source>
        <translation>Không đọc được tệp {path} ({reason}): hãy kiểm tra tên tệp và thư mục</translation>
    </message>
    <message>
        <source>Cannot write the file {path} ({reason}): choose another folder or file name</source>
        <translation>Không ghi được tệp {path} ({reason}): hãy chọn thư mục hoặc tên tệp khác</translation>
    </message>
    <message>
        <source>is not valid ({detail}): correct it</source>
        <translation>không hợp lệ ({detail}): hãy sửa lại</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Đơn vị ban hành</translation>
    </message>
    <message>
        <source>Date of publication</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>List of procedures</source>
        <translation>Danh sách thủ tục</translation>
    </message>
    <message>
        <source>Procedure code</source>
        <translation>Mã thủ tục</translation>
    </message>
    <message>
        <source>Name of the procedure</source>
        <translation>Tên thủ tục</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Tên ngắn</translation>
    </message>
    <message>
        <source>Field of the procedure</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Processing time (working days)</source>
        <translation>Thời hạn giải quyết (ngày làm việc)</translation>
    </message>
    <message>
        <source>Alternative processing time</source>
        <translation>Thời hạn giải quyết khác</translation>
    </message>
    <message>
        <source>Note on the alternative time</source>
        <translation>Ghi chú về thời hạn khác</translation>
    </message>
    <message>
        <source>Note on the fees</source>
        <translation>Ghi chú về phí, lệ phí</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả giải quyết</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Online service level</source>
        <translation>Mức độ dịch vụ công trực tuyến</translation>
    </message>
    <message>
        <source>Identifier of the paper</source>
        <translation>Mã giấy tờ</translation>
    </message>
    <message>
        <source>Name of the paper</source>
        <translation>Tên giấy tờ</translation>
    </message>
    <message>
        <source>Number of originals</source>
        <translation>Số bản chính</translation>
    </message>
    <message>
        <source>Number of certified copies</source>
        <translation>Số bản sao chứng thực</translation>
    </message>
    <message>
        <source>Number of photocopies</source>
        <translation>Số bản photo</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Bắt buộc</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Điều kiện</translation>
    </message>
    <message>
        <source>Reusable</source>
        <translation>Dùng lại được</translation>
    </message>
    <message>
        <source>Name of the fee</source>
        <translation>Tên khoản phí</translation>
    </message>
    <message>
        <source>Amount of the fee</source>
        <translation>Mức phí</translation>
    </message>
    <message>
        <source>Unit of the fee</source>
        <translation>Đơn vị tính phí</translation>
    </message>
    <message>
        <source>Note on the fee</source>
        <translation>Ghi chú khoản phí</translation>
    </message>
    <message>
        <source>Units at the first rate</source>
        <translation>Số đơn vị tính mức đầu</translation>
    </message>
    <message>
        <source>Maximum fee</source>
        <translation>Mức thu tối đa</translation>
    </message>
    <message>
        <source>Procedure no. {number}</source>
        <translation>Thủ tục thứ {number}</translation>
    </message>
    <message>
        <source>Procedure no. {number} (code {code})</source>
        <translation>Thủ tục thứ {number} (mã {code})</translation>
    </message>
    <message>
        <source>paper no. {row}</source>
        <translation>giấy tờ thứ {row}</translation>
    </message>
    <message>
        <source>fee no. {row}</source>
        <translation>khoản phí thứ {row}</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Tệp</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Đổi mật khẩu của tôi</translation>
    </message>
    <message>
        <source>Reset the password of {user}</source>
        <translation>Đặt lại mật khẩu của {user}</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Mật khẩu &amp;hiện tại:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Mật khẩu &amp;mới:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Nhập lại:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
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
        <source>Loading…</source>
        <translation>Đang tải…</translation>
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
    <name>Progress</name>
    <message>
        <source>Early</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Đến hạn</translation>
    </message>
    <message>
        <source>Within deadline</source>
        <translation>Trong hạn</translation>
    </message>
</context>
<context>
    <name>RatesModel</name>
    <message>
        <source>Finished on time (early + on time)</source>
        <translation>Giải quyết đúng hạn (trước hạn + đúng hạn)</translation>
    </message>
    <message>
        <source>Overdue (finished late + open overdue)</source>
        <translation>Quá hạn (đã giải quyết quá hạn + đang giải quyết quá hạn)</translation>
    </message>
    <message>
        <source>Finished or open within time</source>
        <translation>Đã và đang giải quyết trong hạn</translation>
    </message>
    <message>
        <source>Filed online (online procedures)</source>
        <translation>Nộp trực tuyến (TTHC có dịch vụ công trực tuyến)</translation>
    </message>
    <message>
        <source>– partly online procedures</source>
        <translation>– TTHC trực tuyến một phần</translation>
    </message>
    <message>
        <source>– fully online procedures</source>
        <translation>– TTHC trực tuyến toàn trình</translation>
    </message>
    <message>
        <source>Digitised at receipt</source>
        <translation>Số hóa khi tiếp nhận</translation>
    </message>
    <message>
        <source>Electronic results</source>
        <translation>Cấp kết quả điện tử</translation>
    </message>
    <message>
        <source>Paid online (fee-bearing)</source>
        <translation>Thanh toán trực tuyến (hồ sơ có phí, lệ phí)</translation>
    </message>
    <message>
        <source>Digitised papers reused</source>
        <translation>Tái sử dụng dữ liệu số hóa</translation>
    </message>
    <message>
        <source>Sent to the server</source>
        <translation>Đã đồng bộ lên máy chủ</translation>
    </message>
    <message>
        <source>Satisfied or very satisfied ratings</source>
        <translation>Đánh giá hài lòng hoặc rất hài lòng</translation>
    </message>
    <message>
        <source>Average processing (working days)</source>
        <translation>Thời gian giải quyết trung bình (ngày làm việc)</translation>
    </message>
    <message>
        <source>Ratings: very satisfied</source>
        <translation>Đánh giá: rất hài lòng</translation>
    </message>
    <message>
        <source>Ratings: satisfied</source>
        <translation>Đánh giá: hài lòng</translation>
    </message>
    <message>
        <source>Ratings: not satisfied</source>
        <translation>Đánh giá: không hài lòng</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>Phản ánh, kiến nghị tiếp nhận</translation>
    </message>
    <message>
        <source>Complaints handled</source>
        <translation>Phản ánh, kiến nghị đã xử lý</translation>
    </message>
    <message>
        <source>Complaints handled on time</source>
        <translation>Phản ánh, kiến nghị xử lý đúng hạn</translation>
    </message>
    <message>
        <source>Complaints still open</source>
        <translation>Phản ánh, kiến nghị chưa xử lý</translation>
    </message>
    <message>
        <source>Complaints open past their due date</source>
        <translation>Phản ánh, kiến nghị chưa xử lý đã quá hạn</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Out of</source>
        <translation>Trên tổng số</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tỷ lệ</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <source>Very satisfied</source>
        <translation>Rất hài lòng</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Hài lòng</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>Không hài lòng</translation>
    </message>
    <message>
        <source>Processing time compared with the rules</source>
        <translation>Thời gian giải quyết so với quy định</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Sớm hơn quy định</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng quy định</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Trễ hơn quy định</translation>
    </message>
    <message>
        <source>Number of trips you had to make</source>
        <translation>Số lần phải đi lại</translation>
    </message>
    <message>
        <source>No extra trip</source>
        <translation>Không phải đi lại thêm</translation>
    </message>
    <message>
        <source>One extra trip</source>
        <translation>Thêm 1 lần</translation>
    </message>
    <message>
        <source>Two or more</source>
        <translation>Thêm 2 lần trở lên</translation>
    </message>
    <message>
        <source>Attitude of the officers</source>
        <translation>Thái độ của cán bộ</translation>
    </message>
    <message>
        <source>Publication of the procedure</source>
        <translation>Công khai thủ tục</translation>
    </message>
    <message>
        <source>Complete, easy to find</source>
        <translation>Đầy đủ, dễ tìm</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Có công khai</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Chưa đầy đủ</translation>
    </message>
    <message>
        <source>Satisfaction rating – dossier {code}</source>
        <translation>Đánh giá hài lòng – hồ sơ {code}</translation>
    </message>
    <message>
        <source>How satisfied are you?</source>
        <translation>ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG</translation>
    </message>
    <message>
        <source>Dossier {code} – {procedure}.&lt;br&gt;Please tell us how you found the service: your answer helps us serve you better.</source>
        <translation>Hồ sơ {code} – {procedure}.&lt;br&gt;Xin Ông/Bà cho biết ý kiến về việc giải quyết thủ tục: ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn.</translation>
    </message>
    <message>
        <source>More details (optional)</source>
        <translation>Tiêu chí khác (không bắt buộc)</translation>
    </message>
    <message>
        <source>Your suggestion, if any</source>
        <translation>Ý kiến góp ý của Ông/Bà (nếu có)</translation>
    </message>
    <message>
        <source>&amp;Comment (optional)</source>
        <translation>&amp;Góp ý (không bắt buộc)</translation>
    </message>
    <message>
        <source>E&amp;ntered by the officer for the citizen ({officer})</source>
        <translation>Cán bộ &amp;nhập thay công dân ({officer})</translation>
    </message>
    <message>
        <source>&amp;Save the rating</source>
        <translation>&amp;Lưu đánh giá</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Lưu (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Close without rating (Esc)</source>
        <translation>Đóng, không đánh giá (Esc)</translation>
    </message>
    <message>
        <source>1. How convenient was it to carry out the procedure?</source>
        <translation>1. Mức độ thuận tiện khi thực hiện thủ tục</translation>
    </message>
    <message>
        <source>2. Overall, how satisfied are you?</source>
        <translation>2. Đánh giá tổng thể</translation>
    </message>
    <message>
        <source>Thank you for your rating!</source>
        <translation>Xin cảm ơn Ông/Bà đã đánh giá!</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <source>Please choose one of the three answers</source>
        <translation>Xin chọn một trong ba mức đánh giá</translation>
    </message>
    <message>
        <source>Convenience: {convenience} · Overall: {overall}</source>
        <translation>Mức độ thuận tiện: {convenience} · Đánh giá tổng thể: {overall}</translation>
    </message>
</context>
<context>
    <name>ReceptionMixin</name>
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
        <source>Counts on {days}, not confirmed yet by the administrator (Settings › Office hours &amp; days off).</source>
        <translation>Hẹn trả có tính ngày {days}, ngày này chưa được quản trị viên xác nhận (Cài đặt › Giờ làm việc &amp; ngày nghỉ).</translation>
    </message>
    <message>
        <source>{hour}:{minute}, {date}</source>
        <translation>{hour} giờ {minute} phút, ngày {date}</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key of the database</source>
        <translation>Khóa khôi phục của cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The data of this computer are encrypted. Their key is kept in this computer&apos;s keyring. If the keyring is lost (a new user profile, the data moved to another computer), the data can only be opened with this recovery key. It is shown only this once: write it down and keep it locked away.</source>
        <translation>Dữ liệu trên máy này đã được mã hóa. Khóa của dữ liệu được giữ trong kho khóa của máy. Nếu mất kho khóa (hồ sơ người dùng mới, dữ liệu chuyển sang máy khác), chỉ có thể mở dữ liệu bằng khóa khôi phục này. Khóa chỉ hiển thị một lần này: hãy chép lại và cất giữ an toàn.</translation>
    </message>
    <message>
        <source>To open the data with it, start the program with the environment variable HCC_RECOVERY_KEY set to this key.</source>
        <translation>Để mở dữ liệu bằng khóa này, hãy khởi động chương trình với biến môi trường HCC_RECOVERY_KEY bằng khóa này.</translation>
    </message>
    <message>
        <source>I have written down the recovery key and keep it safe</source>
        <translation>Tôi đã chép lại khóa khôi phục và cất giữ an toàn</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>ReminderCard</name>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Open dossier {code}</source>
        <translation>Mở hồ sơ {code}</translation>
    </message>
    <message>
        <source>Apology / new date</source>
        <translation>Xin lỗi / hẹn lại</translation>
    </message>
    <message>
        <source>Write the apology letter (Mẫu 04) with a new appointment</source>
        <translation>Lập văn bản xin lỗi và hẹn lại thời gian trả kết quả (Mẫu 04)</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Tạm ẩn</translation>
    </message>
    <message>
        <source>Hide this reminder for a while</source>
        <translation>Tạm ẩn nhắc việc của hồ sơ này</translation>
    </message>
    <message>
        <source>new appointment {when} passed</source>
        <translation>đã quá hẹn mới {when}</translation>
    </message>
    <message>
        <source>new appointment {time}</source>
        <translation>hẹn mới {time}</translation>
    </message>
    <message>
        <source>due {time}</source>
        <translation>hẹn {time}</translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message>
        <source>Due tomorrow ({day})</source>
        <translation>Đến hạn ngày mai ({day})</translation>
    </message>
    <message>
        <source>Due next working day ({day})</source>
        <translation>Đến hạn ngày làm việc tới ({day})</translation>
    </message>
    <message>
        <source>No dossier is due</source>
        <translation>Không có hồ sơ đến hạn</translation>
    </message>
    <message>
        <source>Dossiers due tomorrow: {count}</source>
        <translation>{count} hồ sơ đến hạn ngày mai</translation>
    </message>
    <message>
        <source>due tomorrow: {count}</source>
        <translation>{count} đến hạn ngày mai</translation>
    </message>
    <message>
        <source>Dossiers due on {day}: {count}</source>
        <translation>{count} hồ sơ đến hạn ngày {day}</translation>
    </message>
    <message>
        <source>due on {day}: {count}</source>
        <translation>{count} đến hạn ngày {day}</translation>
    </message>
    <message>
        <source>Overdue dossiers: {count}</source>
        <translation>{count} hồ sơ quá hạn</translation>
    </message>
    <message>
        <source>overdue: {count}</source>
        <translation>{count} quá hạn</translation>
    </message>
    <message>
        <source>Dossiers due today: {count}</source>
        <translation>{count} hồ sơ đến hạn hôm nay</translation>
    </message>
    <message>
        <source>due today: {count}</source>
        <translation>{count} đến hạn hôm nay</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Trong 1 giờ</translation>
    </message>
    <message>
        <source>Until tomorrow morning (07:30)</source>
        <translation>Đến sáng mai (07:30)</translation>
    </message>
    <message>
        <source>Until 07:30 on {day}</source>
        <translation>Đến 07:30 sáng {day}</translation>
    </message>
    <message>
        <source>Until the appointment day ({day})</source>
        <translation>Đến ngày hẹn trả ({day})</translation>
    </message>
    <message>
        <source>Dossier deadlines</source>
        <translation>Nhắc việc: hồ sơ đến hạn</translation>
    </message>
</context>
<context>
    <name>ReminderPanel</name>
    <message>
        <source>Reminders:</source>
        <translation>Nhắc việc:</translation>
    </message>
    <message>
        <source>Checking deadlines…</source>
        <translation>Đang kiểm tra hạn trả…</translation>
    </message>
    <message>
        <source>Overdue ({count})</source>
        <translation>Quá hạn ({count})</translation>
    </message>
    <message>
        <source>Due today ({count})</source>
        <translation>Đến hạn hôm nay ({count})</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <source>… and {count} more: see the worklist</source>
        <translation>… và {count} hồ sơ khác: xem danh sách ở trên</translation>
    </message>
    <message>
        <source>Hide details ▾</source>
        <translation>Thu gọn ▾</translation>
    </message>
    <message>
        <source>Show ▴</source>
        <translation>Xem chi tiết ▴</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return the result – dossier {code}</source>
        <translation>Trả kết quả – hồ sơ {code}</translation>
    </message>
    <message>
        <source>Return the result</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <source>The &amp;applicant: {name}</source>
        <translation>&amp;Chủ hồ sơ: {name}</translation>
    </message>
    <message>
        <source>An a&amp;uthorised person</source>
        <translation>Người được ủ&amp;y quyền</translation>
    </message>
    <message>
        <source>CCCD, CMND or passport number</source>
        <translation>Số CCCD, CMND hoặc hộ chiếu</translation>
    </message>
    <message>
        <source>Who collects the result</source>
        <translation>Người nhận kết quả</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>Số &amp;giấy tờ</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Điện th&amp;oại</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>Tại quầy</translation>
    </message>
    <message>
        <source>By post (public postal service)</source>
        <translation>Qua dịch vụ bưu chính công ích</translation>
    </message>
    <message>
        <source>At home (home visit)</source>
        <translation>Tại nhà</translation>
    </message>
    <message>
        <source>(not set: enter it in Settings)</source>
        <translation>(chưa có: nhập trong Cài đặt)</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>&amp;Returned</source>
        <translation>Hình thức t&amp;rả</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Thời điểm</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>Gh&amp;i chú</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ trả kết quả</translation>
    </message>
    <message>
        <source>Return the resul&amp;t</source>
        <translation>Trả &amp;kết quả</translation>
    </message>
    <message>
        <source>Record the return (Ctrl+Enter)</source>
        <translation>Ghi nhận việc trả kết quả (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Đóng, không lưu (Esc)</translation>
    </message>
    <message>
        <source>Invite the citizen to rate their satisfaction: turn the screen towards them or enter their answers for them.</source>
        <translation>Mời công dân đánh giá mức độ hài lòng: xoay màn hình về phía công dân hoặc cán bộ nhập thay.</translation>
    </message>
    <message>
        <source>Satisfaction &amp;rating…</source>
        <translation>Đánh giá hài &amp;lòng…</translation>
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
        <source>The authorised person must show a valid power of attorney and their own identity paper. Keep a copy of the power of attorney with the dossier.</source>
        <translation>Người được ủy quyền phải xuất trình giấy ủy quyền hợp lệ và giấy tờ tùy thân của mình. Lưu bản sao giấy ủy quyền cùng hồ sơ.</translation>
    </message>
    <message>
        <source>Check the applicant&apos;s identity paper against the dossier before handing over the result.</source>
        <translation>Đối chiếu giấy tờ tùy thân của chủ hồ sơ với hồ sơ trước khi trao kết quả.</translation>
    </message>
    <message>
        <source>CCCD QR code read</source>
        <translation>Đã đọc mã QR trên CCCD</translation>
    </message>
    <message>
        <source>✔ The result of dossier &lt;b&gt;{code}&lt;/b&gt; was returned to {name}.</source>
        <translation>✔ Đã trả kết quả hồ sơ &lt;b&gt;{code}&lt;/b&gt; cho {name}.</translation>
    </message>
</context>
<context>
    <name>ReuseDialog</name>
    <message>
        <source>Documents already digitised for this citizen</source>
        <translation>Giấy tờ đã số hóa của công dân</translation>
    </message>
    <message>
        <source>Paper / document</source>
        <translation>Thành phần / giấy tờ</translation>
    </message>
    <message>
        <source>From dossier</source>
        <translation>Từ hồ sơ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Xem trước</translation>
    </message>
    <message>
        <source>&amp;Use for this paper</source>
        <translation>&amp;Dùng cho thành phần này</translation>
    </message>
    <message>
        <source>&amp;Do not reuse</source>
        <translation>&amp;Không tái sử dụng</translation>
    </message>
    <message>
        <source>{name} (another paper)</source>
        <translation>{name} (thành phần khác)</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Role of {user}</source>
        <translation>Vai trò của {user}</translation>
    </message>
    <message>
        <source>{name} gets the new role at the next login, on every device of the unit after their next sync.</source>
        <translation>{name} nhận vai trò mới từ lần đăng nhập tới; trên các máy khác của đơn vị, sau lần đồng bộ tiếp theo của máy đó.</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Vai trò:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Counter officer</source>
        <translation>Cán bộ một cửa</translation>
    </message>
    <message>
        <source>Center leader</source>
        <translation>Lãnh đạo trung tâm</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>Chưa có ai đăng nhập</translation>
    </message>
    <message>
        <source>Officer: {name} ({role})</source>
        <translation>Cán bộ: {name} ({role})</translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <source>Scan: {name}</source>
        <translation>Quét: {name}</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Thêm &amp;tệp…</translation>
    </message>
    <message>
        <source>&amp;Watch scanner folder…</source>
        <translation>Theo dõi thư &amp;mục máy quét…</translation>
    </message>
    <message>
        <source>&amp;Camera</source>
        <translation>Má&amp;y ảnh</translation>
    </message>
    <message>
        <source>&amp;Remove page</source>
        <translation>&amp;Xóa trang</translation>
    </message>
    <message>
        <source>Automatic (black and white for text)</source>
        <translation>Tự động (đen trắng cho trang chữ)</translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>Đen trắng</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Thang xám</translation>
    </message>
    <message>
        <source>Press Space for each page</source>
        <translation>Nhấn phím cách (Space) để chụp từng trang</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>Đính &amp;kèm</translation>
    </message>
    <message>
        <source>Pages stored as:</source>
        <translation>Lưu trang dạng:</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>Trang {n}</translation>
    </message>
    <message>
        <source>Scanned pages</source>
        <translation>Các trang đã quét</translation>
    </message>
    <message>
        <source>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf)</source>
        <translation>Ảnh và PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf)</translation>
    </message>
    <message>
        <source>Pages ready: {n}</source>
        <translation>Số trang đã có: {n}</translation>
    </message>
    <message>
        <source>watching {folder}</source>
        <translation>đang theo dõi {folder}</translation>
    </message>
    <message>
        <source>Folder the scanner writes into</source>
        <translation>Thư mục máy quét lưu tệp vào</translation>
    </message>
    <message>
        <source>No camera was found on this computer.</source>
        <translation>Không tìm thấy máy ảnh (camera) trên máy tính này.</translation>
    </message>
    <message>
        <source>The camera gave no picture; check it and try again.</source>
        <translation>Máy ảnh không cho hình; hãy kiểm tra rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>SessionChart</name>
    <message>
        <source>Dossiers received per quarter</source>
        <translation>Hồ sơ tiếp nhận theo khu phố</translation>
    </message>
    <message>
        <source>Dossiers received per session</source>
        <translation>Hồ sơ tiếp nhận theo buổi</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
    <message>
        <source>No Saturday session held in the period</source>
        <translation>Không có buổi tiếp nhận thứ Bảy nào trong kỳ</translation>
    </message>
</context>
<context>
    <name>SessionFiguresModel</name>
    <message>
        <source>Session</source>
        <translation>Buổi</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Số buổi</translation>
    </message>
    <message>
        <source>Dossiers
received</source>
        <translation>Hồ sơ
tiếp nhận</translation>
    </message>
    <message>
        <source>Fees
collected</source>
        <translation>Phí, lệ phí
đã thu</translation>
    </message>
    <message>
        <source>Results
returned</source>
        <translation>Kết quả
đã trả</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Lượt
đánh giá</translation>
    </message>
    <message>
        <source>Very
satisfied</source>
        <translation>Rất
hài lòng</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Hài lòng</translation>
    </message>
    <message>
        <source>Not
satisfied</source>
        <translation>Không
hài lòng</translation>
    </message>
    <message>
        <source>By procedure</source>
        <translation>Theo thủ tục</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Cán bộ thực hiện</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Số hồ sơ</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Per session</source>
        <translation>Theo buổi</translation>
    </message>
    <message>
        <source>Per quarter (khu phố)</source>
        <translation>Theo khu phố</translation>
    </message>
    <message>
        <source>Fig&amp;ures of</source>
        <translation>Số liệ&amp;u theo</translation>
    </message>
    <message>
        <source>Dossiers received at the Saturday sessions held in the period, the fees collected, the results returned and the ratings taken there.</source>
        <translation>Hồ sơ tiếp nhận tại các buổi tiếp nhận thứ Bảy trong kỳ, phí, lệ phí đã thu, kết quả đã trả và các lượt đánh giá tại buổi.</translation>
    </message>
    <message>
        <source>{sessions} sessions · {dossiers} dossiers · {fees} collected</source>
        <translation>{sessions} buổi · {dossiers} hồ sơ · đã thu {fees}</translation>
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
        <source>Due-soon &amp;warning:</source>
        <translation>Cảnh báo sắp đến &amp;hạn:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Căn cứ (văn bản)</translation>
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
        <source>Con&amp;firm day</source>
        <translation>Xác &amp;nhận ngày</translation>
    </message>
    <message>
        <source>Mark the selected days as confirmed by a document (enter it under Source)</source>
        <translation>Đánh dấu các ngày đã chọn là đã xác nhận theo văn bản (ghi số và ngày văn bản ở cột Căn cứ)</translation>
    </message>
    <message>
        <source>Days the Government announces on top of the law: swapped days off (“Day off”) and the Saturdays worked instead (“Make-up day”). A day “To confirm” is applied, and appointments over it say so, until you confirm it (citing the document) or remove it.</source>
        <translation>Các ngày Chính phủ thông báo ngoài quy định của luật: ngày nghỉ hoán đổi (“Ngày nghỉ”) và thứ Bảy làm bù (“Ngày làm bù”). Ngày “Chờ xác nhận” vẫn được áp dụng, và hẹn trả nào tính qua ngày đó sẽ ghi rõ, cho đến khi bạn xác nhận (ghi văn bản căn cứ) hoặc xóa ngày đó.</translation>
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
        <source>&amp;Backups</source>
        <translation>&amp;Sao lưu</translation>
    </message>
    <message>
        <source>The top-left block of every slip has two lines: first the parent body, then the unit name (the center) in bold, underlined. For example: “UBND PHƯỜNG HOÀI NHƠN BẮC” over “TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀI NHƠN BẮC”. The two must differ; leave this empty to print the unit name alone.</source>
        <translation>Góc trên bên trái của mọi phiếu có hai dòng: dòng đầu là cơ quan chủ quản, dòng sau là tên đơn vị (Trung tâm) in đậm, có gạch chân. Ví dụ: “UBND PHƯỜNG HOÀI NHƠN BẮC” ở trên “TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀI NHƠN BẮC”. Hai dòng phải khác nhau; để trống nếu chỉ in tên đơn vị.</translation>
    </message>
    <message>
        <source>Used in the line “&lt;place&gt;, ngày … tháng … năm …” of the slips.</source>
        <translation>Dùng cho dòng “&lt;địa danh&gt;, ngày … tháng … năm …” trên các phiếu.</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;title:</source>
        <translation>Chức danh người &amp;ký:</translation>
    </message>
    <message>
        <source>Who signs letters for the unit (apology Mẫu 04, stop notice Mẫu 05).</source>
        <translation>Người ký văn bản của đơn vị (văn bản xin lỗi Mẫu 04, thông báo dừng giải quyết Mẫu 05).</translation>
    </message>
    <message>
        <source>Signer&apos;s na&amp;me:</source>
        <translation>Họ tên &amp;lãnh đạo ký:</translation>
    </message>
    <message>
        <source>Every device of the unit that receives dossiers (counter PCs, the laptop of the Saturday session…) needs its own number from 0 to 9. The number decides the dossier codes the device gives out: number 0 gives …-0001, …-0002, number 1 gives …-1001, …-1002. Two devices with the same number would give the same codes.</source>
        <translation>Mỗi thiết bị của đơn vị dùng để tiếp nhận hồ sơ (máy tính tại quầy, máy tính xách tay tiếp nhận ngày Thứ Bảy…) phải có một số thứ tự riêng từ 0 đến 9. Số này quyết định mã hồ sơ do thiết bị cấp: số 0 cấp …-0001, …-0002; số 1 cấp …-1001, …-1002. Hai thiết bị trùng số sẽ cấp trùng mã hồ sơ.</translation>
    </message>
    <message>
        <source>Logged in as:</source>
        <translation>Đang đăng nhập:</translation>
    </message>
    <message>
        <source>Recorded on every dossier and step: log in as another officer to change it.</source>
        <translation>Được ghi vào mọi hồ sơ và bước xử lý: muốn đổi, hãy đăng nhập bằng tài khoản cán bộ khác.</translation>
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
        <source> minute(s)</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>Check deadlines every:</source>
        <translation>Kiểm tra hạn mỗi:</translation>
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
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>Chờ xác nhận</translation>
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
    <name>StartupWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>Đang mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Loading the rest of the program…</source>
        <translation>Đang tải phần còn lại của chương trình…</translation>
    </message>
</context>
<context>
    <name>SyncConflictsTab</name>
    <message>
        <source>These dossiers were changed both on this device and on another one since they were last synchronised. Compare the two versions and choose the one to keep for each dossier.</source>
        <translation>Các hồ sơ dưới đây đã được sửa cả trên máy này và trên một máy khác kể từ lần đồng bộ trước. Hãy so sánh hai bản và chọn bản cần giữ cho từng hồ sơ.</translation>
    </message>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>Phát hiện lúc</translation>
    </message>
    <message>
        <source>What differs</source>
        <translation>Thông tin khác nhau</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <source>On this device</source>
        <translation>Trên máy này</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Trên máy chủ</translation>
    </message>
    <message>
        <source>&amp;Keep this device&apos;s version</source>
        <translation>&amp;Giữ bản trên máy này</translation>
    </message>
    <message>
        <source>This device&apos;s version is sent to the server at the next sync</source>
        <translation>Bản trên máy này sẽ được gửi lên máy chủ ở lần đồng bộ tới</translation>
    </message>
    <message>
        <source>Take the se&amp;rver&apos;s version</source>
        <translation>Lấ&amp;y bản trên máy chủ</translation>
    </message>
    <message>
        <source>The server&apos;s version replaces the dossier on this device</source>
        <translation>Bản trên máy chủ sẽ thay thế hồ sơ trên máy này</translation>
    </message>
    <message>
        <source>There is no conflict to resolve.</source>
        <translation>Không có xung đột nào cần xử lý.</translation>
    </message>
    <message>
        <source>Dossier {code}: what differs</source>
        <translation>Hồ sơ {code}: các thông tin khác nhau</translation>
    </message>
    <message>
        <source>Dossier {code}: this device&apos;s version is kept and goes to the server at the next sync.</source>
        <translation>Hồ sơ {code}: đã giữ bản trên máy này; bản này sẽ được gửi lên máy chủ ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Dossier {code}: the server&apos;s version replaced this device&apos;s.</source>
        <translation>Hồ sơ {code}: đã lấy bản trên máy chủ thay cho bản trên máy này.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>The server refused the synchronisation: {reason}.</source>
        <translation>Máy chủ từ chối đồng bộ: {reason}.</translation>
    </message>
    <message>
        <source>Synchronisation failed because of an unexpected error (see the log).</source>
        <translation>Đồng bộ không thành công do một lỗi ngoài dự kiến (xem tệp nhật ký).</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Synchronisation with the server</source>
        <translation>Đồng bộ với máy chủ</translation>
    </message>
    <message>
        <source>Re&amp;gistration</source>
        <translation>Đă&amp;ng ký thiết bị</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>&amp;Tình trạng</translation>
    </message>
    <message>
        <source>Con&amp;flicts ({count})</source>
        <translation>&amp;Xung đột ({count})</translation>
    </message>
    <message>
        <source>Re&amp;jected ({count})</source>
        <translation>Bị từ chố&amp;i ({count})</translation>
    </message>
</context>
<context>
    <name>SyncFields</name>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Mã đơn vị</translation>
    </message>
    <message>
        <source>Receiving device</source>
        <translation>Máy tiếp nhận</translation>
    </message>
    <message>
        <source>Procedure code</source>
        <translation>Mã thủ tục</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục hành chính</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh tiếp nhận</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Thời gian tiếp nhận</translation>
    </message>
    <message>
        <source>Processing time starts</source>
        <translation>Bắt đầu tính thời hạn</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Hẹn trả kết quả</translation>
    </message>
    <message>
        <source>Processing time (working days)</source>
        <translation>Thời hạn giải quyết (ngày làm việc)</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Chủ hồ sơ</translation>
    </message>
    <message>
        <source>Type of identity paper</source>
        <translation>Loại giấy tờ tùy thân</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số giấy tờ tùy thân</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
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
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Submitter</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Number of sets</source>
        <translation>Số bộ hồ sơ</translation>
    </message>
    <message>
        <source>Fees and charges</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Hình thức nộp phí, lệ phí</translation>
    </message>
    <message>
        <source>Where the result is collected</source>
        <translation>Nơi nhận kết quả</translation>
    </message>
    <message>
        <source>Receiving officer</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
        <source>Book number</source>
        <translation>Số sổ</translation>
    </message>
    <message>
        <source>Order number in the book</source>
        <translation>Số thứ tự trong sổ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Original appointment</source>
        <translation>Hẹn trả ban đầu</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Người/bộ phận đang giữ hồ sơ</translation>
    </message>
    <message>
        <source>Supplement requests</source>
        <translation>Số lần yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Waiting for papers since</source>
        <translation>Chờ bổ sung từ</translation>
    </message>
    <message>
        <source>Status after the wait</source>
        <translation>Trạng thái sau khi chờ</translation>
    </message>
    <message>
        <source>Processing ended at</source>
        <translation>Thời điểm kết thúc xử lý</translation>
    </message>
    <message>
        <source>On-time result</source>
        <translation>Kết quả đúng hạn</translation>
    </message>
    <message>
        <source>Proposed new appointment</source>
        <translation>Đề nghị hẹn trả mới</translation>
    </message>
    <message>
        <source>Result returned at</source>
        <translation>Thời điểm trả kết quả</translation>
    </message>
    <message>
        <source>Dossier papers</source>
        <translation>Thành phần hồ sơ</translation>
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
        <source>Citizen identity card (CCCD)</source>
        <translation>Căn cước công dân (CCCD)</translation>
    </message>
    <message>
        <source>Identity card (CMND)</source>
        <translation>Chứng minh nhân dân (CMND)</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Hộ chiếu</translation>
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
        <translation>Miễn phí, lệ phí</translation>
    </message>
    <message>
        <source>At the Center</source>
        <translation>Tại Trung tâm</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>Qua dịch vụ bưu chính</translation>
    </message>
    <message>
        <source>original</source>
        <translation>bản chính</translation>
    </message>
    <message>
        <source>certified copy</source>
        <translation>bản sao chứng thực</translation>
    </message>
    <message>
        <source>photocopy</source>
        <translation>bản photo</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Dossier step</source>
        <translation>Bước xử lý hồ sơ</translation>
    </message>
    <message>
        <source>Satisfaction rating</source>
        <translation>Đánh giá mức độ hài lòng</translation>
    </message>
    <message>
        <source>Access-log entry</source>
        <translation>Mục nhật ký truy cập</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
</context>
<context>
    <name>SyncReasons</name>
    <message>
        <source>the dossier code is already used by another dossier on the server (two devices with the same device number?)</source>
        <translation>mã hồ sơ đã được một hồ sơ khác trên máy chủ sử dụng (có hai máy trùng số máy?)</translation>
    </message>
    <message>
        <source>the record belongs to another unit</source>
        <translation>dữ liệu thuộc đơn vị khác</translation>
    </message>
    <message>
        <source>the record is incomplete or not valid</source>
        <translation>dữ liệu không đầy đủ hoặc không hợp lệ</translation>
    </message>
    <message>
        <source>its dossier has not reached the server</source>
        <translation>hồ sơ của dữ liệu này chưa được gửi tới máy chủ</translation>
    </message>
    <message>
        <source>the request was not understood (the program may need an update)</source>
        <translation>máy chủ không hiểu yêu cầu (có thể cần cập nhật phần mềm)</translation>
    </message>
    <message>
        <source>too many changes sent at once</source>
        <translation>gửi quá nhiều thay đổi trong một lần</translation>
    </message>
    <message>
        <source>the server&apos;s copy of the dossier cannot be read</source>
        <translation>không đọc được bản hồ sơ trên máy chủ</translation>
    </message>
    <message>
        <source>the event was written by another device: a device sends only its own</source>
        <translation>sự kiện do máy khác ghi: mỗi máy chỉ được gửi sự kiện của chính mình</translation>
    </message>
    <message>
        <source>the event carries no hash of the history chain</source>
        <translation>sự kiện không có mã băm của chuỗi lịch sử</translation>
    </message>
    <message>
        <source>the event was altered after it was written (its hash does not match)</source>
        <translation>sự kiện đã bị sửa sau khi ghi (mã băm không khớp)</translation>
    </message>
    <message>
        <source>the event before it in the dossier&apos;s history is missing on the server</source>
        <translation>sự kiện liền trước trong lịch sử hồ sơ không có trên máy chủ</translation>
    </message>
    <message>
        <source>records of this device are missing or out of order before this one</source>
        <translation>trước bản ghi này, các bản ghi của máy bị thiếu hoặc sai thứ tự</translation>
    </message>
    <message>
        <source>the dossier&apos;s receipt details were edited after its receipt was recorded</source>
        <translation>thông tin tiếp nhận của hồ sơ đã bị sửa sau khi sự kiện tiếp nhận được ghi</translation>
    </message>
    <message>
        <source>the event repeats a record the server already received (a replay)</source>
        <translation>sự kiện lặp lại một bản ghi máy chủ đã nhận (gửi lại bản cũ)</translation>
    </message>
    <message>
        <source>the server answered with error {status}: check the server address in Settings, or ask the administrator whether the program needs an update</source>
        <translation>máy chủ trả lời lỗi {status}: hãy kiểm tra địa chỉ máy chủ trong Cài đặt, hoặc hỏi quản trị viên xem chương trình có cần cập nhật không</translation>
    </message>
    <message>
        <source>the server gave a reason this program does not know ({reason})</source>
        <translation>máy chủ đưa ra lý do mà chương trình không nhận biết được ({reason})</translation>
    </message>
</context>
<context>
    <name>SyncRegisterTab</name>
    <message>
        <source>e.g. https://dongbo.example.gov.vn</source>
        <translation>ví dụ https://dongbo.example.gov.vn</translation>
    </message>
    <message>
        <source>e.g. B6QY-PR2H-ZMCH-K7JW</source>
        <translation>ví dụ B6QY-PR2H-ZMCH-K7JW</translation>
    </message>
    <message>
        <source>e.g. Counter 1, Saturday laptop</source>
        <translation>ví dụ Quầy 1, Máy xách tay thứ Bảy</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Đị&amp;a chỉ máy chủ:</translation>
    </message>
    <message>
        <source>Enrolment &amp;code:</source>
        <translation>Mã đăng &amp;ký:</translation>
    </message>
    <message>
        <source>&amp;Device name:</source>
        <translation>Tên t&amp;hiết bị:</translation>
    </message>
    <message>
        <source>Register wit&amp;h the server</source>
        <translation>Đăng ký &amp;với máy chủ</translation>
    </message>
    <message>
        <source>The administrator makes a one-time enrolment code on the server (valid for 7 days). The server gives this device its device number, so that dossier codes never collide with another device of the unit.</source>
        <translation>Quản trị viên tạo mã đăng ký dùng một lần trên máy chủ (có hiệu lực 7 ngày). Máy chủ cấp cho máy này một số máy riêng để mã hồ sơ không bao giờ trùng với máy khác của đơn vị.</translation>
    </message>
    <message>
        <source>This device is registered with {url} in unit {unit} as device number {slot}. Register again only with a new code from the administrator (for example after the device was revoked).</source>
        <translation>Máy này đã đăng ký với {url}, đơn vị {unit}, số máy {slot}. Chỉ đăng ký lại khi quản trị viên cấp mã mới (ví dụ sau khi máy bị thu hồi quyền đồng bộ).</translation>
    </message>
    <message>
        <source>Register this device with the unit&apos;s sync server to send its dossiers to the other devices of the unit and receive theirs. Ask the administrator for the server address and a one-time enrolment code.</source>
        <translation>Đăng ký máy này với máy chủ đồng bộ của đơn vị để gửi hồ sơ của máy này tới các máy khác trong đơn vị và nhận hồ sơ của các máy đó. Hãy xin quản trị viên địa chỉ máy chủ và một mã đăng ký dùng một lần.</translation>
    </message>
    <message>
        <source>Registering with the server…</source>
        <translation>Đang đăng ký với máy chủ…</translation>
    </message>
    <message>
        <source>The server cannot be reached at this address: check the address and the network connection.</source>
        <translation>Không kết nối được máy chủ theo địa chỉ này: kiểm tra lại địa chỉ và kết nối mạng.</translation>
    </message>
    <message>
        <source>This device is registered in unit {unit} as device number {slot}. The first sync starts now.</source>
        <translation>Máy này đã được đăng ký vào đơn vị {unit} với số máy {slot}. Lần đồng bộ đầu tiên bắt đầu ngay.</translation>
    </message>
</context>
<context>
    <name>SyncRejectedTab</name>
    <message>
        <source>The server refused these records. They are still kept on this device; tell the administrator of the sync server.</source>
        <translation>Máy chủ đã từ chối các dữ liệu dưới đây. Dữ liệu vẫn được giữ trên máy này; hãy báo cho quản trị viên máy chủ đồng bộ.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Loại dữ liệu</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>SyncSettingsBox</name>
    <message>
        <source>Sync settings</source>
        <translation>Cài đặt đồng bộ</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> phút</translation>
    </message>
    <message>
        <source> days without sync</source>
        <translation> ngày chưa đồng bộ</translation>
    </message>
    <message>
        <source>Sa&amp;ve sync settings</source>
        <translation>&amp;Lưu cài đặt đồng bộ</translation>
    </message>
    <message>
        <source>Sync automatically &amp;every:</source>
        <translation>Tự động đồng bộ &amp;mỗi:</translation>
    </message>
    <message>
        <source>&amp;Warn after:</source>
        <translation>&amp;Cảnh báo sau:</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>SyncStatusTab</name>
    <message>
        <source>Server:</source>
        <translation>Máy chủ:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>This device:</source>
        <translation>Máy này:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Lần đồng bộ gần nhất:</translation>
    </message>
    <message>
        <source>Changes waiting to be sent:</source>
        <translation>Thay đổi chờ gửi:</translation>
    </message>
    <message>
        <source>Conflicts to resolve:</source>
        <translation>Xung đột chưa xử lý:</translation>
    </message>
    <message>
        <source>Connection to the server:</source>
        <translation>Kết nối tới máy chủ:</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>Lỗi gần nhất:</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Đồng &amp;bộ ngay</translation>
    </message>
    <message>
        <source>Send this device&apos;s changes and receive the others&apos; (F9)</source>
        <translation>Gửi các thay đổi của máy này và nhận thay đổi của các máy khác (F9)</translation>
    </message>
    <message>
        <source>&amp;Stop syncing</source>
        <translation>&amp;Dừng đồng bộ</translation>
    </message>
    <message>
        <source>Synchronise</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Not registered with a server</source>
        <translation>Chưa đăng ký với máy chủ</translation>
    </message>
    <message>
        <source>{name} (device number {slot})</source>
        <translation>{name} (số máy {slot})</translation>
    </message>
    <message>
        <source>({days} days ago)</source>
        <translation>({days} ngày trước)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Chưa đăng ký</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Kết nối được</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Chưa kiểm tra</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <source>Stopping… the step under way is finished first, nothing is lost.</source>
        <translation>Đang dừng… bước đang chạy sẽ làm xong trước, không mất dữ liệu.</translation>
    </message>
    <message>
        <source>Connected to the server; the sync is starting…</source>
        <translation>Đã kết nối máy chủ, đồng bộ đang bắt đầu…</translation>
    </message>
    <message>
        <source>Checking the connection to the server…</source>
        <translation>Đang kiểm tra kết nối tới máy chủ…</translation>
    </message>
    <message>
        <source>Sending changes to the server: {done} of {total}</source>
        <translation>Đang gửi thay đổi lên máy chủ: {done}/{total}</translation>
    </message>
    <message>
        <source>Sending scanned files: {done} of {total} MB</source>
        <translation>Đang gửi tệp bản quét: {done}/{total} MB</translation>
    </message>
    <message>
        <source>Receiving changes from the server: {done} received</source>
        <translation>Đang nhận thay đổi từ máy chủ: đã nhận {done}</translation>
    </message>
    <message>
        <source>Sync stopped. What was already sent or received is kept; the rest goes at the next sync.</source>
        <translation>Đã dừng đồng bộ. Phần đã gửi hoặc đã nhận vẫn được giữ; phần còn lại sẽ đồng bộ ở lần sau.</translation>
    </message>
    <message>
        <source>Sync finished at {time}: {pushed} changes sent, {pulled} received.</source>
        <translation>Đồng bộ xong lúc {time}: đã gửi {pushed} thay đổi, đã nhận {pulled} thay đổi.</translation>
    </message>
    <message>
        <source>{count} dossiers were changed on another device as well: see the Conflicts tab.</source>
        <translation>{count} hồ sơ cũng đã được sửa trên máy khác: xem thẻ Xung đột.</translation>
    </message>
    <message>
        <source>{count} records were refused by the server: see the Rejected tab.</source>
        <translation>{count} dữ liệu bị máy chủ từ chối: xem thẻ Bị từ chối.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Stopping the sync…</source>
        <translation>Đang dừng đồng bộ…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <source>Sync…</source>
        <translation>Đồng bộ…</translation>
    </message>
    <message>
        <source>Reading the sync status…</source>
        <translation>Đang đọc tình trạng đồng bộ…</translation>
    </message>
    <message>
        <source>Sync not set up</source>
        <translation>Chưa đăng ký đồng bộ</translation>
    </message>
    <message>
        <source>This device is not registered with a sync server: its data stay on it.</source>
        <translation>Máy này chưa đăng ký với máy chủ đồng bộ: dữ liệu chỉ được lưu trên máy này.</translation>
    </message>
    <message>
        <source>{count} conflicts to resolve</source>
        <translation>{count} xung đột cần xử lý</translation>
    </message>
    <message>
        <source>Device not allowed to sync</source>
        <translation>Máy không được phép đồng bộ</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>Mất kết nối máy chủ</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Đồng bộ bị lỗi</translation>
    </message>
    <message>
        <source>Not synced for {days} days</source>
        <translation>Chưa đồng bộ {days} ngày</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Chưa từng đồng bộ</translation>
    </message>
    <message>
        <source>{count} changes waiting to be sent</source>
        <translation>{count} thay đổi chờ gửi</translation>
    </message>
    <message>
        <source>Synced at {time}</source>
        <translation>Đã đồng bộ lúc {time}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Chưa đồng bộ</translation>
    </message>
    <message>
        <source>Server: {url}</source>
        <translation>Máy chủ: {url}</translation>
    </message>
    <message>
        <source>Last sync: {time}</source>
        <translation>Lần đồng bộ gần nhất: {time}</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Lần đồng bộ gần nhất: chưa có</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: {count}</source>
        <translation>Thay đổi chờ gửi: {count}</translation>
    </message>
    <message>
        <source>Conflicts to resolve: {count}</source>
        <translation>Xung đột cần xử lý: {count}</translation>
    </message>
    <message>
        <source>Click to open the sync screen (F9).</source>
        <translation>Bấm để mở màn hình đồng bộ (F9).</translation>
    </message>
</context>
<context>
    <name>SyncWarningBanner</name>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Sync screen…</source>
        <translation>Màn hình đồng bộ…</translation>
    </message>
    <message>
        <source>This device has not been synchronised for {days} days — connect it to the network or export a data bundle (USB).</source>
        <translation>Thiết bị chưa đồng bộ {days} ngày — hãy kết nối mạng hoặc xuất gói dữ liệu (USB).</translation>
    </message>
    <message>
        <source>This device has changes not synchronised for more than {days} days — connect it to the network or export a data bundle (USB).</source>
        <translation>Thiết bị có thay đổi chưa đồng bộ đã hơn {days} ngày — hãy kết nối mạng hoặc xuất gói dữ liệu (USB).</translation>
    </message>
</context>
<context>
    <name>Table06aModel</name>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Received
total</source>
        <translation>Tổng số
tiếp nhận</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>Direct,
postal</source>
        <translation>Trực tiếp,
bưu chính</translation>
    </message>
    <message>
        <source>Carried
over</source>
        <translation>Kỳ trước
chuyển qua</translation>
    </message>
    <message>
        <source>Finished
total</source>
        <translation>Tổng số
đã giải quyết</translation>
    </message>
    <message>
        <source>Early</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Open
total</source>
        <translation>Tổng số
đang giải quyết</translation>
    </message>
    <message>
        <source>Within
time</source>
        <translation>Trong hạn</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Click to list these dossiers</source>
        <translation>Bấm để xem danh sách hồ sơ</translation>
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
    <name>TimelineModel</name>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>Handed over for processing</source>
        <translation>Giao xử lý</translation>
    </message>
    <message>
        <source>Supplement requested</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Supplement received</source>
        <translation>Đã nhận bổ sung</translation>
    </message>
    <message>
        <source>Financial obligation requested</source>
        <translation>Yêu cầu nộp nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Financial obligation paid</source>
        <translation>Đã nộp nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Withdrawn by the citizen</source>
        <translation>Công dân rút hồ sơ</translation>
    </message>
    <message>
        <source>Processing stopped</source>
        <translation>Dừng xử lý</translation>
    </message>
    <message>
        <source>Processing finished</source>
        <translation>Đã xử lý xong</translation>
    </message>
    <message>
        <source>Result returned</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <source>Apology and new appointment</source>
        <translation>Xin lỗi, hẹn lại</translation>
    </message>
    <message>
        <source>Satisfaction rating</source>
        <translation>Đánh giá hài lòng</translation>
    </message>
    <message>
        <source>Before the deadline</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Within the deadline</source>
        <translation>Đang trong hạn</translation>
    </message>
    <message>
        <source>at the counter</source>
        <translation>tại quầy</translation>
    </message>
    <message>
        <source>by post</source>
        <translation>qua bưu chính</translation>
    </message>
    <message>
        <source>at home</source>
        <translation>tại nhà</translation>
    </message>
    <message>
        <source>very satisfied</source>
        <translation>rất hài lòng</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>hài lòng</translation>
    </message>
    <message>
        <source>not satisfied</source>
        <translation>không hài lòng</translation>
    </message>
    <message>
        <source>original</source>
        <translation>bản chính</translation>
    </message>
    <message>
        <source>certified copy</source>
        <translation>bản chứng thực</translation>
    </message>
    <message>
        <source>photocopy</source>
        <translation>bản photo</translation>
    </message>
    <message>
        <source>appointment {due}</source>
        <translation>hẹn trả {due}</translation>
    </message>
    <message>
        <source>to bring: {papers}</source>
        <translation>cần bổ sung: {papers}</translation>
    </message>
    <message>
        <source>request no. {count}</source>
        <translation>yêu cầu lần {count}</translation>
    </message>
    <message>
        <source>waited {days} working day(s); appointment {old} → {new}</source>
        <translation>chờ {days} ngày làm việc; hẹn trả {old} → {new}</translation>
    </message>
    <message>
        <source>no working day waited; appointment unchanged</source>
        <translation>không mất ngày làm việc nào; hẹn trả giữ nguyên</translation>
    </message>
    <message>
        <source>amount {amount}</source>
        <translation>số tiền {amount}</translation>
    </message>
    <message>
        <source>collected by {name} ({id})</source>
        <translation>người nhận: {name} ({id})</translation>
    </message>
    <message>
        <source>authorised person</source>
        <translation>người được ủy quyền</translation>
    </message>
    <message>
        <source>new appointment {due}</source>
        <translation>hẹn mới {due}</translation>
    </message>
    <message>
        <source>convenience: {convenience}; overall: {overall}</source>
        <translation>thuận tiện: {convenience}; tổng thể: {overall}</translation>
    </message>
    <message>
        <source>entered by the officer</source>
        <translation>cán bộ nhập thay</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>ghi chú: {note}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>National status code: {code}</source>
        <translation>Mã trạng thái quốc gia: {code}</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>{action} – dossier {code}</source>
        <translation>{action} – hồ sơ {code}</translation>
    </message>
    <message>
        <source>Current status: {status}</source>
        <translation>Trạng thái hiện tại: {status}</translation>
    </message>
    <message>
        <source>The one-stop officer who takes the result back from the department</source>
        <translation>Cán bộ một cửa nhận lại kết quả từ bộ phận chuyên môn</translation>
    </message>
    <message>
        <source>Result received &amp;by</source>
        <translation>Người &amp;nhận kết quả</translation>
    </message>
    <message>
        <source>Officer who takes the dossier, e.g. Lê Văn Cường</source>
        <translation>Cán bộ nhận hồ sơ, ví dụ: Lê Văn Cường</translation>
    </message>
    <message>
        <source>&amp;Receiver</source>
        <translation>Người &amp;nhận</translation>
    </message>
    <message>
        <source>Specialist department</source>
        <translation>Bộ phận chuyên môn</translation>
    </message>
    <message>
        <source>De&amp;partment</source>
        <translation>Bộ &amp;phận</translation>
    </message>
    <message>
        <source>A&amp;mount</source>
        <translation>&amp;Số tiền</translation>
    </message>
    <message>
        <source>The result is issued electronically</source>
        <translation>Kết quả được cấp dưới dạng điện tử</translation>
    </message>
    <message>
        <source>Paid online</source>
        <translation>Đã thanh toán trực tuyến</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>&amp;Lý do</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>&amp;Ghi chú</translation>
    </message>
    <message>
        <source>&amp;Time of the action</source>
        <translation>&amp;Thời điểm thực hiện</translation>
    </message>
    <message>
        <source>(not set: enter it in Settings)</source>
        <translation>(chưa có: nhập trong Cài đặt)</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ thực hiện</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Ghi nhận</translation>
    </message>
    <message>
        <source>Record the action (Ctrl+Enter)</source>
        <translation>Ghi nhận thao tác (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Đóng, không lưu (Esc)</translation>
    </message>
    <message>
        <source>What must be completed, and why</source>
        <translation>Nội dung cần bổ sung, hoàn thiện và lý do</translation>
    </message>
    <message>
        <source>Why the dossier cannot be accepted (printed on Form 03)</source>
        <translation>Lý do không tiếp nhận hồ sơ (in trên Mẫu 03)</translation>
    </message>
    <message>
        <source>E.g. the citizen&apos;s written request of withdrawal</source>
        <translation>Ví dụ: theo đơn đề nghị rút hồ sơ của công dân</translation>
    </message>
    <message>
        <source>Why processing is stopped (printed on Form 05)</source>
        <translation>Lý do dừng giải quyết (in trên Mẫu 05)</translation>
    </message>
    <message>
        <source>Space ticks a paper</source>
        <translation>Phím cách để đánh dấu giấy tờ</translation>
    </message>
    <message>
        <source>Papers to &amp;bring</source>
        <translation>Giấy tờ &amp;cần bổ sung</translation>
    </message>
    <message>
        <source>Another paper, then Enter</source>
        <translation>Giấy tờ khác, rồi nhấn Enter</translation>
    </message>
    <message>
        <source>The form the citizen must bring the paper in</source>
        <translation>Hình thức giấy tờ công dân phải nộp</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Thê&amp;m</translation>
    </message>
    <message>
        <source>Other &amp;paper</source>
        <translation>Giấy tờ &amp;khác</translation>
    </message>
    <message>
        <source>original</source>
        <translation>bản chính</translation>
    </message>
    <message>
        <source>certified copy</source>
        <translation>bản chứng thực</translation>
    </message>
    <message>
        <source>photocopy</source>
        <translation>bản photo</translation>
    </message>
    <message>
        <source>(required)</source>
        <translation>(bắt buộc)</translation>
    </message>
    <message>
        <source>(if: {condition})</source>
        <translation>(nếu: {condition})</translation>
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
        <source>New appointment after the waiting time: &lt;b&gt;{due}&lt;/b&gt;</source>
        <translation>Hẹn trả mới sau thời gian chờ: &lt;b&gt;{due}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>✔ Recorded: &lt;b&gt;{action}&lt;/b&gt; for dossier {code}. Status: {status}.</source>
        <translation>✔ Đã ghi nhận: &lt;b&gt;{action}&lt;/b&gt; cho hồ sơ {code}. Trạng thái: {status}.</translation>
    </message>
    <message>
        <source>Print “{title}” now to give to the citizen?</source>
        <translation>In “{title}” ngay để giao cho công dân?</translation>
    </message>
    <message>
        <source>&amp;Print Form {number}</source>
        <translation>&amp;In Mẫu {number}</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>The last {n} weeks</source>
        <translation>{n} tuần gần nhất</translation>
    </message>
    <message>
        <source>The last {n} months</source>
        <translation>{n} tháng gần nhất</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Đã giải quyết</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>On time (%)</source>
        <translation>Đúng hạn (%)</translation>
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
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Locked – HCC Desktop</source>
        <translation>Đã khóa – HCC Desktop</translation>
    </message>
    <message>
        <source>The program was locked after a time without use. {name}, type your password.</source>
        <translation>Chương trình đã tự khóa sau một thời gian không dùng. {name}, hãy nhập mật khẩu của bạn.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
</context>
<context>
    <name>ValidationMixin</name>
    <message>
        <source>Tick them if they were brought, or print the supplement guidance (Form 02).</source>
        <translation>Đánh dấu nếu công dân đã nộp, hoặc in Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02).</translation>
    </message>
</context>
<context>
    <name>VisitsModel</name>
    <message>
        <source>Resident</source>
        <translation>Người dân</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Visit day</source>
        <translation>Ngày phục vụ</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
</context>
<context>
    <name>WorklistPanel</name>
    <message>
        <source>Received today</source>
        <translation>Tiếp nhận hôm nay</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>Awaiting papers</source>
        <translation>Chờ bổ sung</translation>
    </message>
    <message>
        <source>Ready to return</source>
        <translation>Chờ trả kết quả</translation>
    </message>
    <message>
        <source>All procedures</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>&amp;Procedure:</source>
        <translation>Thủ tụ&amp;c:</translation>
    </message>
    <message>
        <source>F&amp;ield:</source>
        <translation>&amp;Lĩnh vực:</translation>
    </message>
    <message>
        <source>O&amp;fficer:</source>
        <translation>Cán &amp;bộ:</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>&amp;Kênh:</translation>
    </message>
    <message>
        <source>Clea&amp;r filters</source>
        <translation>Xó&amp;a lọc</translation>
    </message>
    <message>
        <source>Show the lists for every procedure, field, officer and channel</source>
        <translation>Hiện danh sách của mọi thủ tục, lĩnh vực, cán bộ và kênh tiếp nhận</translation>
    </message>
    <message>
        <source>Due soon (0 days)</source>
        <translation>Sắp đến hạn (0 ngày)</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> ngày làm việc</translation>
    </message>
    <message>
        <source>“Due soon” lists the dossiers due within this many working days after today</source>
        <translation>Danh sách “Sắp đến hạn” gồm các hồ sơ đến hạn trong số ngày làm việc này, tính từ sau hôm nay</translation>
    </message>
    <message>
        <source>Due soon &amp;within:</source>
        <translation>Sắp đến hạn tr&amp;ong:</translation>
    </message>
    <message>
        <source>Due next working day</source>
        <translation>Đến hạn ngày làm việc tới</translation>
    </message>
    <message>
        <source>Due within {days} days</source>
        <translation>Đến hạn trong {days} ngày tới</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>cách dùng: </translation>
    </message>
    <message>
        <source>options</source>
        <translation>tùy chọn</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>tham số</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>hiện hướng dẫn này rồi thoát</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: lỗi: %(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>thiếu tham số bắt buộc: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>tham số không nhận ra: %s</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>tham số %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>giá trị không hợp lệ: %(value)r (chọn một trong %(choices)s)</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>giá trị %(type)s không hợp lệ: %(value)r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>cần đúng một giá trị</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>cần nhiều nhất một giá trị</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>cần ít nhất một giá trị</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>không được dùng cùng tham số %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>cần một trong các tham số %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>bỏ qua giá trị %r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>tùy chọn chưa rõ: %(option)s có thể là %(matches)s</translation>
    </message>
</context>
</TS>
