<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>AccountDialog</name>
    <message>
      <source>Mật khẩu cần ít nhất %1 ký tự (mới có %2).</source>
      <translation>The password needs at least %1 characters (%2 so far).</translation>
    </message>
    <message>
      <source>Mật khẩu không được chỉ gồm dấu cách.</source>
      <translation>The password cannot be only spaces.</translation>
    </message>
    <message>
      <source>Hai lần nhập mật khẩu chưa khớp nhau.</source>
      <translation>The two passwords typed do not match.</translation>
    </message>
    <message>
      <source>Thêm tài khoản</source>
      <translation>Add an account</translation>
    </message>
    <message>
      <source>Tạo tài khoản lãnh đạo</source>
      <translation>Create the supervisor's account</translation>
    </message>
    <message>
      <source>Đổi mật khẩu</source>
      <translation>Change password</translation>
    </message>
    <message>
      <source>Đặt lại mật khẩu</source>
      <translation>Reset password</translation>
    </message>
    <message>
      <source>Mỗi người dùng máy có một tài khoản riêng.</source>
      <translation>Everyone who uses this computer has their own account.</translation>
    </message>
    <message>
      <source>Cơ sở dữ liệu chưa có tài khoản lãnh đạo. Tạo tài khoản lãnh đạo UBND xã; lãnh đạo sẽ tạo tài khoản cho cán bộ ở mục «Tài khoản».</source>
      <translation>The database has no supervisor account yet. Create the account of the commune People's Committee leader; the supervisor then creates the staff accounts in the «Accounts» section.</translation>
    </message>
    <message>
      <source>Đổi mật khẩu của tài khoản «%1».</source>
      <translation>Change the password of the account «%1».</translation>
    </message>
    <message>
      <source>Đặt mật khẩu mới cho tài khoản «%1» (tài khoản đang bị tạm khóa sẽ được mở).</source>
      <translation>Set a new password for the account «%1» (a temporary lock is lifted).</translation>
    </message>
    <message>
      <source>&amp;Lưu</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Nhập tên đăng nhập (ít nhất 3 ký tự).</source>
      <translation>Type a username (at least 3 characters).</translation>
    </message>
    <message>
      <source>Nhập họ và tên.</source>
      <translation>Type the full name.</translation>
    </message>
    <message>
      <source>Nhập mật khẩu hiện tại.</source>
      <translation>Type the current password.</translation>
    </message>
    <message>
      <source>&amp;Tên đăng nhập:</source>
      <translation>&amp;Username:</translation>
    </message>
    <message>
      <source>Tên đăng nhập</source>
      <translation>Username</translation>
    </message>
    <message>
      <source>chữ thường không dấu, ví dụ: lan.tran</source>
      <translation>lower case without accents, e.g. lan.tran</translation>
    </message>
    <message>
      <source>&amp;Họ và tên:</source>
      <translation>&amp;Full name:</translation>
    </message>
    <message>
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>&amp;Vai trò:</source>
      <translation>&amp;Role:</translation>
    </message>
    <message>
      <source>Vai trò</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Mật khẩu &amp;hiện tại:</source>
      <translation>C&amp;urrent password:</translation>
    </message>
    <message>
      <source>Mật khẩu hiện tại</source>
      <translation>Current password</translation>
    </message>
    <message>
      <source>&amp;Mật khẩu mới:</source>
      <translation>&amp;New password:</translation>
    </message>
    <message>
      <source>Mật khẩu mới</source>
      <translation>New password</translation>
    </message>
    <message>
      <source>ít nhất 8 ký tự</source>
      <translation>at least 8 characters</translation>
    </message>
    <message>
      <source>&amp;Nhập lại mật khẩu:</source>
      <translation>Con&amp;firm password:</translation>
    </message>
    <message>
      <source>Nhập lại mật khẩu mới</source>
      <translation>Type the new password again</translation>
    </message>
    <message>
      <source>Điều còn thiếu hoặc lỗi</source>
      <translation>What is missing or wrong</translation>
    </message>
  </context>
  <context>
    <name>AccountsModel</name>
    <message>
      <source>Tên đăng nhập</source>
      <translation>Username</translation>
    </message>
    <message>
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>Vai trò</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Trạng thái</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Ngày tạo</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>Đã vô hiệu hóa</source>
      <translation>Disabled</translation>
    </message>
    <message>
      <source>Tạm khóa đến %1</source>
      <translation>Locked until %1</translation>
    </message>
    <message>
      <source>Đang hoạt động</source>
      <translation>Active</translation>
    </message>
  </context>
  <context>
    <name>AccountsPage</name>
    <message>
      <source>Tài khoản</source>
      <translation>Accounts</translation>
    </message>
    <message>
      <source>Vô hiệu hóa tài khoản «%1»? Người này sẽ không đăng nhập được nữa; tên vẫn giữ trong nhật ký thay đổi.</source>
      <translation>Disable the account «%1»? This person will no longer be able to log in; the name stays in the audit trail.</translation>
    </message>
    <message>
      <source>Vô hiệu hóa tài khoản</source>
      <translation>Disable account</translation>
    </message>
    <message>
      <source>&amp;Vô hiệu hóa</source>
      <translation>&amp;Disable</translation>
    </message>
    <message>
      <source>&amp;Kích hoạt lại</source>
      <translation>&amp;Enable again</translation>
    </message>
    <message>
      <source>&amp;Thêm tài khoản…</source>
      <translation>&amp;Add account…</translation>
    </message>
    <message>
      <source>Đặt &amp;lại mật khẩu…</source>
      <translation>&amp;Reset password…</translation>
    </message>
    <message>
      <source>Danh sách tài khoản</source>
      <translation>Accounts list</translation>
    </message>
    <message>
      <source>Tài khoản không bị xóa để nhật ký thay đổi luôn giữ tên người đã làm; tài khoản không dùng nữa thì vô hiệu hóa. Nhập sai mật khẩu 5 lần, tài khoản tạm khóa 5 phút; đặt lại mật khẩu sẽ mở khóa ngay.</source>
      <translation>Accounts are never deleted, so the audit trail always keeps the name of who did what; disable an account that is no longer used. Five wrong passwords lock an account for 5 minutes; resetting the password unlocks it at once.</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>Không mở được cơ sở dữ liệu %1:
%2

Chi tiết trong tệp nhật ký: %3</source>
      <translation>Could not open the database %1:
%2

Details are in the log file: %3</translation>
    </message>
    <message>
      <source>Cơ sở dữ liệu của %1 xã</source>
      <translation>Database of %1 communes</translation>
    </message>
  </context>
  <context>
    <name>AuditModel</name>
    <message>
      <source>Thời điểm</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>Người</source>
      <translation>Who</translation>
    </message>
    <message>
      <source>Thao tác</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Đối tượng</source>
      <translation>What</translation>
    </message>
    <message>
      <source>Kỳ</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>Giá trị cũ</source>
      <translation>Old value</translation>
    </message>
    <message>
      <source>Giá trị mới</source>
      <translation>New value</translation>
    </message>
    <message>
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
  </context>
  <context>
    <name>AuditPage</name>
    <message>
      <source>Số liệu hằng tháng</source>
      <translation>Monthly figures</translation>
    </message>
    <message>
      <source>Danh sách</source>
      <translation>Lists</translation>
    </message>
    <message>
      <source>Nộp báo cáo, mở khóa</source>
      <translation>Submissions and unlocks</translation>
    </message>
    <message>
      <source>Đăng nhập</source>
      <translation>Logins</translation>
    </message>
    <message>
      <source>Tài khoản</source>
      <translation>Accounts</translation>
    </message>
    <message>
      <source>Thông tin xã, cài đặt, chỉ tiêu</source>
      <translation>Commune, settings, targets</translation>
    </message>
    <message numerus="yes">
      <source>%1 dòng</source>
      <translation>
        <numerusform>%1 row</numerusform>
        <numerusform>%1 rows</numerusform>
      </translation>
    </message>
    <message>
      <source>Xuất nhật ký thay đổi ra tệp Excel</source>
      <translation>Export the audit trail to an Excel file</translation>
    </message>
    <message>
      <source>Đã xuất %1 dòng vào tệp %2.</source>
      <translation>Exported %1 rows to the file %2.</translation>
    </message>
    <message>
      <source>Xuất nhật ký thay đổi</source>
      <translation>Export the audit trail</translation>
    </message>
    <message>
      <source>Không xuất được nhật ký thay đổi</source>
      <translation>Could not export the audit trail</translation>
    </message>
    <message>
      <source>Tất cả</source>
      <translation>All</translation>
    </message>
    <message>
      <source>&amp;Người:</source>
      <translation>&amp;Who:</translation>
    </message>
    <message>
      <source>Lọc theo người</source>
      <translation>Filter by person</translation>
    </message>
    <message>
      <source>&amp;Loại:</source>
      <translation>&amp;Kind:</translation>
    </message>
    <message>
      <source>Lọc theo loại thay đổi</source>
      <translation>Filter by kind of change</translation>
    </message>
    <message>
      <source>&amp;Từ ngày</source>
      <translation>&amp;From</translation>
    </message>
    <message>
      <source>Lọc theo khoảng ngày</source>
      <translation>Filter by dates</translation>
    </message>
    <message>
      <source>Từ ngày</source>
      <translation>From date</translation>
    </message>
    <message>
      <source>dd/MM/yyyy</source>
      <translation>dd/MM/yyyy</translation>
    </message>
    <message>
      <source>đến</source>
      <translation>to</translation>
    </message>
    <message>
      <source>Đến ngày</source>
      <translation>To date</translation>
    </message>
    <message>
      <source>&amp;Xuất Excel…</source>
      <translation>E&amp;xport to Excel…</translation>
    </message>
    <message>
      <source>Xuất các dòng đang lọc ra tệp .xlsx (Ctrl+E)</source>
      <translation>Export the filtered rows to an .xlsx file (Ctrl+E)</translation>
    </message>
    <message>
      <source>Nhật ký thay đổi</source>
      <translation>Audit trail</translation>
    </message>
    <message>
      <source>Số dòng</source>
      <translation>Row count</translation>
    </message>
    <message>
      <source>Nhật ký chỉ được ghi thêm; không ai sửa hay xóa được.</source>
      <translation>Entries are only ever added; nobody can change or delete them.</translation>
    </message>
  </context>
  <context>
    <name>BackupsModel</name>
    <message>
      <source>Ngày giờ</source>
      <translation>Date and time</translation>
    </message>
    <message>
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Dung lượng</source>
      <translation>Size</translation>
    </message>
  </context>
  <context>
    <name>BackupsSection</name>
    <message>
      <source>Chọn thư mục (ví dụ USB) để lưu bản sao lưu</source>
      <translation>Choose a folder (such as a USB stick) for the backup</translation>
    </message>
    <message>
      <source>Chọn tệp sao lưu để khôi phục</source>
      <translation>Choose a backup file to restore</translation>
    </message>
    <message>
      <source>Bản sao lưu Commune Desk (*.sqlite3 *.db);;Mọi tệp (*)</source>
      <translation>Commune Desk backups (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
      <source>Đang sao lưu…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <source>Đã sao lưu vào %1</source>
      <translation>Backed up to %1</translation>
    </message>
    <message>
      <source>Đang lưu trạng thái hiện tại rồi khôi phục…</source>
      <translation>Saving the current state, then restoring…</translation>
    </message>
    <message>
      <source>Đã khôi phục từ %1.</source>
      <translation>Restored from %1.</translation>
    </message>
    <message>
      <source>Trạng thái trước đó đã được lưu vào %1.</source>
      <translation>The previous state was saved to %1.</translation>
    </message>
    <message>
      <source>Tệp hỏng được giữ lại với tên %1.</source>
      <translation>The damaged file was kept as %1.</translation>
    </message>
  </context>
  <context>
    <name>CommentDialog</name>
    <message>
      <source>Ghi chú cho số liệu</source>
      <translation>Comment on the figure</translation>
    </message>
    <message>
      <source>&amp;Ghi chú (để trống để xóa):</source>
      <translation>&amp;Comment (leave empty to remove):</translation>
    </message>
    <message>
      <source>Ghi chú</source>
      <translation>Comment</translation>
    </message>
  </context>
  <context>
    <name>CommunesModel</name>
    <message>
      <source>Mã xã</source>
      <translation>Commune code</translation>
    </message>
    <message>
      <source>Tên xã</source>
      <translation>Commune name</translation>
    </message>
    <message>
      <source>Tình trạng</source>
      <translation>Status</translation>
    </message>
  </context>
  <context>
    <name>ConsolidationPage</name>
    <message>
      <source>Chọn thư mục báo cáo</source>
      <translation>Choose a folder of reports</translation>
    </message>
    <message>
      <source>Bảng tính Excel (*.xlsx)</source>
      <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
      <source>Chọn báo cáo (giữ Ctrl để chọn nhiều tệp)</source>
      <translation>Choose reports (hold Ctrl to choose several files)</translation>
    </message>
    <message>
      <source>Danh sách (*.csv *.xlsx)</source>
      <translation>Lists (*.csv *.xlsx)</translation>
    </message>
    <message>
      <source>Chọn danh sách xã</source>
      <translation>Choose the list of communes</translation>
    </message>
    <message>
      <source>Lưu bảng tổng hợp</source>
      <translation>Save the consolidated workbook</translation>
    </message>
    <message>
      <source>Đang đọc báo cáo của các xã…</source>
      <translation>Reading the communes' reports…</translation>
    </message>
    <message>
      <source>Không tổng hợp được</source>
      <translation>Could not consolidate</translation>
    </message>
    <message>
      <source>Đã hủy tổng hợp; chưa ghi tệp nào.</source>
      <translation>Consolidation cancelled; no file was written.</translation>
    </message>
    <message>
      <source>Tiếp nhận hoặc trả lại báo cáo</source>
      <translation>Accept or return a report</translation>
    </message>
    <message>
      <source>Chọn báo cáo của xã</source>
      <translation>Choose the commune's report</translation>
    </message>
    <message>
      <source>Lý do trả lại báo cáo (để trống: tiếp nhận báo cáo):</source>
      <translation>Reason for returning the report (empty: accept the report):</translation>
    </message>
    <message>
      <source>Tiếp nhận báo cáo %1?</source>
      <translation>Accept the report %1?</translation>
    </message>
    <message>
      <source>Lưu phiếu phản hồi</source>
      <translation>Save the reply</translation>
    </message>
    <message>
      <source>Không ghi được phiếu phản hồi</source>
      <translation>The reply could not be written</translation>
    </message>
    <message>
      <source>&lt;b&gt;Tổng hợp báo cáo của các xã&lt;/b&gt;</source>
      <translation>&lt;b&gt;Consolidate the communes' reports&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&amp;Tệp và thư mục báo cáo của các xã:</source>
      <translation>&amp;Files and folders of commune reports:</translation>
    </message>
    <message>
      <source>Tệp và thư mục cần tổng hợp</source>
      <translation>Files and folders to consolidate</translation>
    </message>
    <message>
      <source>Thêm tệ&amp;p…</source>
      <translation>Add fil&amp;e…</translation>
    </message>
    <message>
      <source>&amp;Xóa danh sách</source>
      <translation>Clea&amp;r list</translation>
    </message>
    <message>
      <source>Thêm thư mụ&amp;c…</source>
      <translation>Add fol&amp;der…</translation>
    </message>
    <message>
      <source>&amp;Danh sách xã (code,name):</source>
      <translation>&amp;Communes list (code,name):</translation>
    </message>
    <message>
      <source>Danh sách xã của tỉnh</source>
      <translation>The province's list of communes</translation>
    </message>
    <message>
      <source>(không bắt buộc)</source>
      <translation>(optional)</translation>
    </message>
    <message>
      <source>Chọn…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>&amp;Kỳ (ví dụ 2025-Q3):</source>
      <translation>&amp;Period (e.g. 2025-Q3):</translation>
    </message>
    <message>
      <source>Kỳ cần tổng hợp</source>
      <translation>Period to consolidate</translation>
    </message>
    <message>
      <source>(để trống: kỳ có nhiều báo cáo nhất)</source>
      <translation>(empty: the period with the most reports)</translation>
    </message>
    <message>
      <source>Tệp kết &amp;quả:</source>
      <translation>O&amp;utput file:</translation>
    </message>
    <message>
      <source>Cơ q&amp;uan chủ quản:</source>
      <translation>Governin&amp;g body:</translation>
    </message>
    <message>
      <source>Cơ qu&amp;an ban hành:</source>
      <translation>Issuing &amp;agency:</translation>
    </message>
    <message>
      <source>&amp;Số, ký hiệu:</source>
      <translation>Number and s&amp;ymbol:</translation>
    </message>
    <message>
      <source>Địa danh, ngà&amp;y:</source>
      <translation>Place and da&amp;te:</translation>
    </message>
    <message>
      <source>&amp;Nơi nhận:</source>
      <translation>Recipient&amp;s:</translation>
    </message>
    <message>
      <source>Liệt kê các xã chưa báo cáo đến hạn và các báo cáo nộp sau hạn</source>
      <translation>List the communes that have not reported by the deadline and the reports sent after it</translation>
    </message>
    <message>
      <source>Hạn nộp báo cáo</source>
      <translation>Reports' deadline</translation>
    </message>
    <message>
      <source>Văn bản ban hành (được ghi nhớ)</source>
      <translation>The issued document (remembered)</translation>
    </message>
    <message>
      <source>Cơ quan chủ quản</source>
      <translation>Governing body</translation>
    </message>
    <message>
      <source>(để trống: UBND tỉnh)</source>
      <translation>(empty: the provincial People's Committee)</translation>
    </message>
    <message>
      <source>Cơ quan ban hành</source>
      <translation>Issuing agency</translation>
    </message>
    <message>
      <source>(để trống: UBND tỉnh) ví dụ Sở Khoa học và Công nghệ</source>
      <translation>(empty: the province's People's Committee) e.g. Department of Science and Technology</translation>
    </message>
    <message>
      <source>Ký hiệu văn bản</source>
      <translation>Document symbol</translation>
    </message>
    <message>
      <source>ví dụ BC-SKHCN (để trống: BC-UBND)</source>
      <translation>e.g. BC-SKHCN (empty: BC-UBND)</translation>
    </message>
    <message>
      <source>Địa danh</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>(để trống: tên tỉnh)</source>
      <translation>(empty: the province's name)</translation>
    </message>
    <message>
      <source>Ngày văn bản</source>
      <translation>Document date</translation>
    </message>
    <message>
      <source>Ngườ&amp;i ký:</source>
      <translation>S&amp;igner:</translation>
    </message>
    <message>
      <source>Chức vụ người ký</source>
      <translation>Signer's title</translation>
    </message>
    <message>
      <source>Chức vụ, ví dụ Phó Giám đốc</source>
      <translation>Title, e.g. Deputy Director</translation>
    </message>
    <message>
      <source>Họ tên người ký</source>
      <translation>Signer's name</translation>
    </message>
    <message>
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>Tính cả &amp;bản nháp (được ghi rõ là bản nháp)</source>
      <translation>Include &amp;drafts (marked as drafts)</translation>
    </message>
    <message>
      <source>Mặc định bản nháp không được tính vào số liệu chính thức</source>
      <translation>By default, drafts are left out of the official figures</translation>
    </message>
    <message>
      <source>Tổn&amp;g hợp</source>
      <translation>Conso&amp;lidate</translation>
    </message>
    <message>
      <source>Tệp kết quả</source>
      <translation>Output file</translation>
    </message>
    <message>
      <source>Chọn tệp kết quả</source>
      <translation>Choose the output file</translation>
    </message>
    <message>
      <source>Hạn nộp báo cá&amp;o:</source>
      <translation>Reports due &amp;by:</translation>
    </message>
    <message>
      <source>&amp;Hủy</source>
      <translation>Ca&amp;ncel</translation>
    </message>
    <message>
      <source>Tiến độ tổng hợp</source>
      <translation>Consolidation progress</translation>
    </message>
    <message>
      <source>&amp;Mở tệp kết quả</source>
      <translation>&amp;Open the result</translation>
    </message>
    <message>
      <source>Tiếp nhận / t&amp;rả lại…</source>
      <translation>Accept / &amp;return…</translation>
    </message>
    <message>
      <source>Trả lời báo cáo của một xã bằng phiếu phản hồi có chữ ký số của tỉnh</source>
      <translation>Answer a commune's report with a reply signed by the province</translation>
    </message>
    <message>
      <source>Nơi nhận</source>
      <translation>Recipients</translation>
    </message>
    <message>
      <source>Mỗi nơi nhận một dòng, ví dụ UBND tỉnh Thanh Hóa («Lưu: VT» được thêm sẵn)</source>
      <translation>One recipient a line, e.g. UBND tỉnh Thanh Hóa («Lưu: VT» is added)</translation>
    </message>
    <message>
      <source>Kết quả tổng hợp</source>
      <translation>Consolidation result</translation>
    </message>
    <message>
      <source>Các vấn đề</source>
      <translation>Problems</translation>
    </message>
  </context>
  <context>
    <name>Dialogs</name>
    <message>
      <source>Bảng tính Excel (*.xlsx)</source>
      <translation>Excel workbooks (*.xlsx)</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>Đã xảy ra lỗi không mong muốn: %1

Chương trình vẫn tiếp tục chạy. Chi tiết đã được ghi vào tệp nhật ký:
%2</source>
      <translation>An unexpected error occurred: %1

The program keeps running. The details have been written to the log file:
%2</translation>
    </message>
  </context>
  <context>
    <name>FiguresModel</name>
    <message>
      <source>Chỉ tiêu</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>Đơn vị tính</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>Kế hoạch năm</source>
      <translation>Year's target</translation>
    </message>
    <message>
      <source>Thực hiện kỳ báo cáo</source>
      <translation>This period</translation>
    </message>
    <message>
      <source>Lũy kế từ đầu năm</source>
      <translation>Year to date</translation>
    </message>
    <message>
      <source>Cùng kỳ năm trước</source>
      <translation>Same period last year</translation>
    </message>
    <message>
      <source>Tỷ lệ % so với KH</source>
      <translation>% of target</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Nhập từ Excel — %1</source>
      <translation>Import from Excel — %1</translation>
    </message>
    <message>
      <source>Tệp: %1</source>
      <translation>File: %1</translation>
    </message>
    <message>
      <source>Đang kiểm tra tệp…</source>
      <translation>Checking the file…</translation>
    </message>
    <message>
      <source>Đã nhập: thêm %1, sửa %2, không đổi %3 dòng.</source>
      <translation>Imported: %1 rows added, %2 changed, %3 unchanged.</translation>
    </message>
    <message>
      <source>Không nhập được: %1 lỗi. Hãy sửa tệp rồi nhập lại; chưa có gì được ghi.</source>
      <translation>Not imported (errors: %1). Correct the file and import it again; nothing has been saved.</translation>
    </message>
    <message>
      <source>Lỗi: %1</source>
      <translation>Error: %1</translation>
    </message>
    <message>
      <source>Đã hủy kiểm tra tệp.</source>
      <translation>File check cancelled.</translation>
    </message>
    <message>
      <source>Đã hủy nhập; chưa có gì được ghi.</source>
      <translation>Import cancelled; nothing has been saved.</translation>
    </message>
    <message>
      <source>Đang nhập…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <source>Đang hủy…</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <source>Tệp không có dòng dữ liệu nào.</source>
      <translation>The file has no data rows.</translation>
    </message>
    <message>
      <source>Tệp có %1 dòng: sẽ thêm %2, sửa %3, không đổi %4.</source>
      <translation>Rows in the file: %1. To add: %2, to change: %3, unchanged: %4.</translation>
    </message>
    <message>
      <source>Các cột không dùng (bỏ qua): %1.</source>
      <translation>Unused columns (ignored): %1.</translation>
    </message>
    <message>
      <source>Không có gì để nhập: danh sách đã giống tệp.</source>
      <translation>Nothing to import: the list already matches the file.</translation>
    </message>
    <message>
      <source>Bấm «Nhập» để ghi vào cơ sở dữ liệu.</source>
      <translation>Click «Import» to save to the database.</translation>
    </message>
    <message>
      <source>Tệp nhập</source>
      <translation>Import file</translation>
    </message>
    <message>
      <source>Tiến độ</source>
      <translation>Progress</translation>
    </message>
    <message>
      <source>&amp;Hủy</source>
      <translation>&amp;Cancel</translation>
    </message>
    <message>
      <source>Kết quả kiểm tra</source>
      <translation>Check results</translation>
    </message>
    <message>
      <source>&amp;Các dòng bị từ chối:</source>
      <translation>&amp;Rejected rows:</translation>
    </message>
    <message>
      <source>Các dòng bị từ chối</source>
      <translation>Rejected rows</translation>
    </message>
    <message>
      <source>&amp;Nhập</source>
      <translation>&amp;Import</translation>
    </message>
    <message>
      <source>Đó&amp;ng</source>
      <translation>Cl&amp;ose</translation>
    </message>
  </context>
  <context>
    <name>IndicatorsModel</name>
    <message>
      <source>Chỉ tiêu</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>Đơn vị</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>Toàn tỉnh</source>
      <translation>Province</translation>
    </message>
    <message>
      <source>Số xã</source>
      <translation>Communes</translation>
    </message>
    <message>
      <source>%1/%2 xã</source>
      <translation>%1/%2 communes</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>Đang mở cơ sở dữ liệu…</source>
      <translation>Opening the database…</translation>
    </message>
    <message>
      <source>Tài khoản tạm khóa đến %1 vì nhập sai mật khẩu %2 lần. Hãy thử lại sau.</source>
      <translation>The account is locked until %1 after %2 wrong passwords. Try again later.</translation>
    </message>
    <message>
      <source>Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ lãnh đạo UBND xã.</source>
      <translation>This account has been disabled. Ask the commune's supervisor.</translation>
    </message>
    <message numerus="yes">
      <source>Sai mật khẩu. Còn %n lần thử trước khi tài khoản bị tạm khóa.</source>
      <translation>
        <numerusform>Wrong password. %n try left before the account is locked.</numerusform>
        <numerusform>Wrong password. %n tries left before the account is locked.</numerusform>
      </translation>
    </message>
    <message>
      <source>Sai tên đăng nhập hoặc mật khẩu.</source>
      <translation>Wrong username or password.</translation>
    </message>
    <message>
      <source>Commune Desk — Đăng nhập</source>
      <translation>Commune Desk — Log in</translation>
    </message>
    <message>
      <source>&lt;b&gt;Đăng nhập&lt;/b&gt;</source>
      <translation>&lt;b&gt;Log in&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Đơn vị</source>
      <translation>Commune</translation>
    </message>
    <message>
      <source>&amp;Tên đăng nhập:</source>
      <translation>&amp;Username:</translation>
    </message>
    <message>
      <source>Tên đăng nhập</source>
      <translation>Username</translation>
    </message>
    <message>
      <source>&amp;Mật khẩu:</source>
      <translation>&amp;Password:</translation>
    </message>
    <message>
      <source>Mật khẩu</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>&amp;Hiện mật khẩu</source>
      <translation>&amp;Show password</translation>
    </message>
    <message>
      <source>Lỗi đăng nhập</source>
      <translation>Login error</translation>
    </message>
    <message>
      <source>Quên mật khẩu? Lãnh đạo UBND xã đặt lại được mật khẩu cho bạn ở mục «Tài khoản».</source>
      <translation>Forgot your password? The commune's supervisor can reset it in the «Accounts» section.</translation>
    </message>
    <message>
      <source>Kết nối &amp;máy chủ…</source>
      <translation>Connect to a &amp;server…</translation>
    </message>
    <message>
      <source>Dùng chung cơ sở dữ liệu trên một máy chủ PostgreSQL của văn phòng hoặc của tỉnh.</source>
      <translation>Share one database on a PostgreSQL server of the office or of the province.</translation>
    </message>
    <message>
      <source>Đăng &amp;nhập</source>
      <translation>&amp;Log in</translation>
    </message>
    <message>
      <source>Th&amp;oát</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>Thoát chương trình</source>
      <translation>Quit the program</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Tổng quan</source>
      <translation>Overview</translation>
    </message>
    <message>
      <source>Số liệu hằng tháng</source>
      <translation>Monthly figures</translation>
    </message>
    <message>
      <source>Bồi dưỡng cán bộ</source>
      <translation>Staff training</translation>
    </message>
    <message>
      <source>Tổ công nghệ số cộng đồng</source>
      <translation>Community digital teams</translation>
    </message>
    <message>
      <source>Lớp phổ cập kỹ năng số</source>
      <translation>Digital skills classes</translation>
    </message>
    <message>
      <source>Thôn, tổ dân phố</source>
      <translation>Villages &amp; residential groups</translation>
    </message>
    <message>
      <source>Kế hoạch, chỉ tiêu</source>
      <translation>Targets</translation>
    </message>
    <message>
      <source>Báo cáo</source>
      <translation>Reports</translation>
    </message>
    <message>
      <source>Tổng hợp các xã</source>
      <translation>Consolidate communes</translation>
    </message>
    <message>
      <source>Cài đặt</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>Tài khoản</source>
      <translation>Accounts</translation>
    </message>
    <message>
      <source>Nhật ký thay đổi</source>
      <translation>Audit trail</translation>
    </message>
    <message>
      <source>Kỳ hiện tại: %1</source>
      <translation>Current period: %1</translation>
    </message>
    <message>
      <source>Commune Desk — %1</source>
      <translation>Commune Desk — %1</translation>
    </message>
    <message>
      <source>%1 — %2</source>
      <translation>%1 — %2</translation>
    </message>
    <message>
      <source>Commune Desk</source>
      <translation>Commune Desk</translation>
    </message>
    <message>
      <source>Đơn vị</source>
      <translation>Commune</translation>
    </message>
    <message>
      <source>Kỳ hiện tại</source>
      <translation>Current period</translation>
    </message>
    <message>
      <source>Tài khoản đang đăng nhập</source>
      <translation>Logged-in account</translation>
    </message>
    <message>
      <source>Đổi &amp;mật khẩu…</source>
      <translation>Change &amp;password…</translation>
    </message>
    <message>
      <source>Đổi mật khẩu của tài khoản đang đăng nhập</source>
      <translation>Change the password of the logged-in account</translation>
    </message>
    <message>
      <source>Đăng &amp;xuất</source>
      <translation>Log &amp;out</translation>
    </message>
    <message>
      <source>Đăng xuất và trở về màn hình đăng nhập (Ctrl+Shift+Q)</source>
      <translation>Log out and return to the login (Ctrl+Shift+Q)</translation>
    </message>
    <message>
      <source>Danh sách chức năng</source>
      <translation>Sections</translation>
    </message>
    <message>
      <source>Nội dung</source>
      <translation>Content</translation>
    </message>
  </context>
  <context>
    <name>MonthlyGridModel</name>
    <message>
      <source>Không có số liệu để dán.</source>
      <translation>There are no figures to paste.</translation>
    </message>
    <message>
      <source>Hãy chọn ô tháng đầu của khối.</source>
      <translation>Select the month cell where the block starts.</translation>
    </message>
    <message>
      <source>Khối dán vượt quá dòng cuối.</source>
      <translation>The pasted block goes past the last row.</translation>
    </message>
    <message>
      <source>Khối dán rơi vào dòng tiêu đề «%1».</source>
      <translation>The pasted block falls on the heading row «%1».</translation>
    </message>
    <message>
      <source>Khối dán vượt quá tháng cuối của kỳ.</source>
      <translation>The pasted block goes past the last month of the period.</translation>
    </message>
    <message>
      <source>ĐVT</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>T%1/%2</source>
      <translation>%1/%2</translation>
    </message>
    <message>
      <source>Đơn vị tính</source>
      <translation>Unit of measure</translation>
    </message>
    <message>
      <source>Số liệu cả kỳ: cộng các tháng với chỉ tiêu phát sinh, số của tháng gần nhất có số liệu với chỉ tiêu thời điểm</source>
      <translation>Whole-period figure: the months added up for cumulative indicators, the latest month with a figure for point-in-time indicators</translation>
    </message>
    <message>
      <source>cộng các tháng</source>
      <translation>months added up</translation>
    </message>
    <message>
      <source>tháng gần nhất có số</source>
      <translation>latest month with a figure</translation>
    </message>
    <message>
      <source>Tổng của %1 thôn, tổ dân phố (số liệu nhập theo thôn); số gõ vào ô này là số của cả xã, thay cho tổng đó</source>
      <translation>Sum of %1 villages and residential groups (entered village by village); a value typed in this cell is the whole commune's and replaces that sum</translation>
    </message>
    <message>
      <source>Ghi chú: %1</source>
      <translation>Comment: %1</translation>
    </message>
    <message>
      <source>Cập nhật: %1, %2</source>
      <translation>Updated by %1, %2</translation>
    </message>
  </context>
  <context>
    <name>MonthlyGridPage</name>
    <message>
      <source>Đã lưu «%1», %2.</source>
      <translation>Saved «%1», %2.</translation>
    </message>
    <message>
      <source>Không lưu «%1», %2: %3</source>
      <translation>«%1», %2 not saved: %3</translation>
    </message>
    <message>
      <source>Xóa số liệu</source>
      <translation>Delete figures</translation>
    </message>
    <message numerus="yes">
      <source>Xóa %n giá trị đã chọn?</source>
      <translation>
        <numerusform>Delete %n selected value?</numerusform>
        <numerusform>Delete %n selected values?</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Đã xóa %n giá trị.</source>
      <translation>
        <numerusform>%n value deleted.</numerusform>
        <numerusform>%n values deleted.</numerusform>
      </translation>
    </message>
    <message>
      <source>Không xóa được: %1</source>
      <translation>Could not delete: %1</translation>
    </message>
    <message>
      <source>Không dán được: %1</source>
      <translation>Could not paste: %1</translation>
    </message>
    <message numerus="yes">
      <source>Đã dán %n giá trị.</source>
      <translation>
        <numerusform>%n value pasted.</numerusform>
        <numerusform>%n values pasted.</numerusform>
      </translation>
    </message>
    <message>
      <source>Không dán được, chưa có giá trị nào được ghi: %1</source>
      <translation>Could not paste; no value has been saved: %1</translation>
    </message>
    <message>
      <source>Không còn thay đổi nào để hoàn tác.</source>
      <translation>Nothing left to undo.</translation>
    </message>
    <message numerus="yes">
      <source>Đã hoàn tác thay đổi %n ô.</source>
      <translation>
        <numerusform>Change to %n cell undone.</numerusform>
        <numerusform>Changes to %n cells undone.</numerusform>
      </translation>
    </message>
    <message>
      <source>Không hoàn tác được: %1</source>
      <translation>Could not undo: %1</translation>
    </message>
    <message>
      <source>Ô này chưa có giá trị: nhập số trước rồi ghi chú.</source>
      <translation>This cell has no value yet: enter the figure first, then the comment.</translation>
    </message>
    <message>
      <source>Đã ghi chú cho «%1», %2.</source>
      <translation>Comment saved for «%1», %2.</translation>
    </message>
    <message>
      <source>Không ghi chú được: %1</source>
      <translation>Could not save the comment: %1</translation>
    </message>
    <message>
      <source>&amp;Ghi chú…</source>
      <translation>&amp;Comment…</translation>
    </message>
    <message>
      <source>&amp;Dán từ Excel</source>
      <translation>&amp;Paste from Excel</translation>
    </message>
    <message>
      <source>&amp;Xóa giá trị</source>
      <translation>&amp;Delete values</translation>
    </message>
    <message>
      <source>&amp;Hoàn tác</source>
      <translation>&amp;Undo</translation>
    </message>
    <message>
      <source>&amp;Thử lưu lại</source>
      <translation>&amp;Try saving again</translation>
    </message>
    <message>
      <source>&amp;Số liệu hằng tháng</source>
      <translation>&amp;Monthly figures</translation>
    </message>
    <message>
      <source>&amp;Kỳ:</source>
      <translation>&amp;Period:</translation>
    </message>
    <message>
      <source>Kỳ số liệu</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>Chọn quý hoặc năm để xem và nhập số liệu các tháng</source>
      <translation>Choose a quarter or a year to view and enter its monthly figures</translation>
    </message>
    <message>
      <source>Trạng thái khóa sổ</source>
      <translation>Lock status</translation>
    </message>
    <message>
      <source>Bảng số liệu hằng tháng</source>
      <translation>Monthly figures table</translation>
    </message>
    <message>
      <source>Mỗi dòng là một chỉ tiêu, mỗi cột là một tháng; cột cuối là số liệu cả kỳ.</source>
      <translation>Each row is an indicator, each column a month; the last column is the figure for the whole period.</translation>
    </message>
    <message>
      <source>Thông báo</source>
      <translation>Message</translation>
    </message>
    <message>
      <source>Enter: lưu và xuống dòng · Tab: sang tháng sau · Delete: xóa giá trị · Ctrl+V: dán từ Excel · Ctrl+Z: hoàn tác · Shift+F2: ghi chú</source>
      <translation>Enter: save and go down · Tab: next month · Delete: clear value · Ctrl+V: paste from Excel · Ctrl+Z: undo · Shift+F2: comment</translation>
    </message>
  </context>
  <context>
    <name>OverviewCards</name>
    <message>
      <source>✓ Đạt</source>
      <translation>✓ Met</translation>
    </message>
    <message>
      <source>↗ Đúng tiến độ</source>
      <translation>↗ On track</translation>
    </message>
    <message>
      <source>! Chậm</source>
      <translation>! Behind</translation>
    </message>
    <message>
      <source>Chưa có chỉ tiêu</source>
      <translation>No target</translation>
    </message>
    <message>
      <source>%1 điểm %</source>
      <translation>%1 percentage points</translation>
    </message>
    <message>
      <source>Chưa có số liệu</source>
      <translation>No data yet</translation>
    </message>
    <message>
      <source>Lũy kế đến hết kỳ %1: &lt;b&gt;%2&lt;/b&gt;</source>
      <translation>Year to date, to the end of %1: &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Tử số: %1 — mẫu số: %2</source>
      <translation>Numerator: %1 — denominator: %2</translation>
    </message>
    <message>
      <source>Riêng kỳ %1: %2</source>
      <translation>%1 alone: %2</translation>
    </message>
    <message>
      <source>Năm nay chưa có chỉ tiêu kế hoạch: không xét tiến độ.</source>
      <translation>No target set for this year: progress is not assessed.</translation>
    </message>
    <message>
      <source>Chỉ tiêu năm: %1 (đạt %2 % chỉ tiêu)</source>
      <translation>Year's target: %1 (%2 % met)</translation>
    </message>
    <message>
      <source>xu hướng của %1 tháng có số liệu (bình phương nhỏ nhất): %2 mỗi tháng</source>
      <translation>trend over %1 months with data (least squares): %2 per month</translation>
    </message>
    <message>
      <source>lũy kế × 12 / %1 tháng đã qua</source>
      <translation>year to date × 12 / months elapsed (%1)</translation>
    </message>
    <message>
      <source>chưa đủ hai tháng có số liệu: giữ giá trị hiện tại</source>
      <translation>fewer than two months with data: current value kept</translation>
    </message>
    <message>
      <source>Dự báo đến tháng 12: %1 (%2)</source>
      <translation>Projection for December: %1 (%2)</translation>
    </message>
    <message>
      <source>Đạt: giá trị đã bằng hoặc vượt chỉ tiêu.</source>
      <translation>Met: the value has reached or exceeded the target.</translation>
    </message>
    <message>
      <source>Đúng tiến độ: chưa đạt, nhưng dự báo đến cuối năm đạt chỉ tiêu.</source>
      <translation>On track: not met yet, but projected to meet the target by the end of the year.</translation>
    </message>
    <message>
      <source>Chậm: dự báo đến cuối năm vẫn thấp hơn chỉ tiêu.</source>
      <translation>Behind: the year-end projection is still below the target.</translation>
    </message>
    <message>
      <source>Chưa có số liệu để đánh giá.</source>
      <translation>No data to assess yet.</translation>
    </message>
    <message>
      <source>Chỉ tiêu: %1 · đạt %2 %</source>
      <translation>Target: %1 · %2 % met</translation>
    </message>
  </context>
  <context>
    <name>OverviewCharts</name>
    <message>
      <source>Biểu đồ</source>
      <translation>Chart</translation>
    </message>
  </context>
  <context>
    <name>OverviewPage</name>
    <message>
      <source>&lt;b&gt;Tiến độ so với chỉ tiêu năm&lt;/b&gt;</source>
      <translation>&lt;b&gt;Progress towards the year's targets&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&amp;Kỳ báo cáo:</source>
      <translation>&amp;Reporting period:</translation>
    </message>
    <message>
      <source>Kỳ báo cáo</source>
      <translation>Reporting period</translation>
    </message>
    <message>
      <source>Các chỉ số và tiến độ</source>
      <translation>Indicators and progress</translation>
    </message>
    <message>
      <source>C&amp;hỉ số:</source>
      <translation>&amp;Indicator:</translation>
    </message>
    <message>
      <source>Chỉ số vẽ biểu đồ</source>
      <translation>Indicator to chart</translation>
    </message>
    <message>
      <source>&amp;Theo:</source>
      <translation>&amp;By:</translation>
    </message>
    <message>
      <source>Vẽ theo tháng hoặc theo quý</source>
      <translation>Chart by month or by quarter</translation>
    </message>
    <message>
      <source>&amp;Lưu PNG…</source>
      <translation>&amp;Save PNG…</translation>
    </message>
    <message>
      <source>Lưu biểu đồ đang xem thành ảnh PNG độ phân giải in (300 dpi)</source>
      <translation>Save the chart shown as a PNG image at print resolution (300 dpi)</translation>
    </message>
    <message>
      <source>Sao &amp;chép</source>
      <translation>&amp;Copy</translation>
    </message>
    <message>
      <source>Chép biểu đồ đang xem vào bộ nhớ tạm để dán vào Word, Excel</source>
      <translation>Copy the chart shown to the clipboard, to paste into Word or Excel</translation>
    </message>
    <message>
      <source>Biểu đồ</source>
      <translation>Charts</translation>
    </message>
    <message>
      <source>Chỉ số theo thời gian</source>
      <translation>Indicator over time</translation>
    </message>
    <message>
      <source>Đang tải biểu đồ…</source>
      <translation>Loading the chart…</translation>
    </message>
    <message>
      <source>Hỗ trợ người dân</source>
      <translation>Support to residents</translation>
    </message>
    <message>
      <source>Hồ sơ trực tuyến</source>
      <translation>Online applications</translation>
    </message>
    <message>
      <source>Phủ sóng, cáp quang, Tổ CNSCĐ</source>
      <translation>Coverage, fibre, digital teams</translation>
    </message>
    <message>
      <source>Bồi dưỡng cán bộ</source>
      <translation>Staff training</translation>
    </message>
    <message>
      <source>Bảng số liệu</source>
      <translation>Figures table</translation>
    </message>
    <message>
      <source>Bảng chỉ tiêu của kỳ</source>
      <translation>Table of the period's indicators</translation>
    </message>
    <message>
      <source>Đang tính…</source>
      <translation>Calculating…</translation>
    </message>
    <message>
      <source>Không tính được số liệu: %1</source>
      <translation>Could not calculate the figures: %1</translation>
    </message>
    <message>
      <source>Không tải được thư viện vẽ biểu đồ: %1</source>
      <translation>Could not load the charting library: %1</translation>
    </message>
    <message>
      <source>%1 — số liệu đã nộp, phiên bản %2</source>
      <translation>%1 — submitted figures, version %2</translation>
    </message>
    <message>
      <source>— đạt %1 · đúng tiến độ %2 · chậm %3</source>
      <translation>— met %1 · on track %2 · behind %3</translation>
    </message>
    <message>
      <source>tháng</source>
      <translation>month</translation>
    </message>
    <message>
      <source>quý</source>
      <translation>quarter</translation>
    </message>
    <message>
      <source>Lưu biểu đồ</source>
      <translation>Save chart</translation>
    </message>
    <message>
      <source>Ảnh PNG (*.png)</source>
      <translation>PNG image (*.png)</translation>
    </message>
    <message>
      <source>Không lưu được %1:
%2</source>
      <translation>Could not save %1:
%2</translation>
    </message>
    <message>
      <source>Đã lưu %1</source>
      <translation>Saved %1</translation>
    </message>
    <message>
      <source>Đã chép biểu đồ; dán vào Word hoặc Excel bằng Ctrl+V</source>
      <translation>Chart copied; paste it into Word or Excel with Ctrl+V</translation>
    </message>
  </context>
  <context>
    <name>ParticipantsDialog</name>
    <message>
      <source>&amp;Lưu</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>%1  (đã có trong khóa)</source>
      <translation>%1  (already in the course)</translation>
    </message>
    <message numerus="yes">
      <source>Đã chọn %n người</source>
      <translation>
        <numerusform>%n person chosen</numerusform>
        <numerusform>%n people chosen</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 (đang hiện %2 người khớp với ô tìm)</source>
      <translation>%1 (%2 people match the search)</translation>
    </message>
    <message>
      <source>Thêm học viên vào khóa bồi dưỡng</source>
      <translation>Add participants to a training course</translation>
    </message>
    <message>
      <source>&amp;Khóa bồi dưỡng:</source>
      <translation>&amp;Course:</translation>
    </message>
    <message>
      <source>Khóa bồi dưỡng</source>
      <translation>Training course</translation>
    </message>
    <message>
      <source>&amp;Tìm cán bộ:</source>
      <translation>&amp;Find staff:</translation>
    </message>
    <message>
      <source>Tìm cán bộ theo tên hoặc mã</source>
      <translation>Find staff by name or code</translation>
    </message>
    <message>
      <source>Gõ tên, có dấu hoặc không dấu</source>
      <translation>Type a name, with or without accents</translation>
    </message>
    <message>
      <source>Cán bộ, công chức</source>
      <translation>Officials and civil servants</translation>
    </message>
    <message>
      <source>&amp;Chọn hết những người đang hiện</source>
      <translation>&amp;Choose everyone shown</translation>
    </message>
    <message>
      <source>&amp;Bỏ chọn tất cả</source>
      <translation>&amp;Untick all</translation>
    </message>
    <message>
      <source>Đã h&amp;oàn thành khóa</source>
      <translation>C&amp;ompleted the course</translation>
    </message>
  </context>
  <context>
    <name>PendingSaves</name>
    <message>
      <source>%1

Thử lại ngay?</source>
      <translation>%1

Try again now?</translation>
    </message>
    <message>
      <source>Cơ sở dữ liệu đang bận</source>
      <translation>The database is busy</translation>
    </message>
    <message>
      <source>Chưa lưu vì cơ sở dữ liệu đang bận; thay đổi được giữ lại, nhấn Ctrl+R để thử lại.</source>
      <translation>Not saved because the database is busy; the change is kept, press Ctrl+R to try again.</translation>
    </message>
  </context>
  <context>
    <name>ProblemsModel</name>
    <message>
      <source>Tệp</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Vấn đề</source>
      <translation>Problem</translation>
    </message>
    <message>
      <source>Chi tiết</source>
      <translation>Details</translation>
    </message>
  </context>
  <context>
    <name>ProvincePage</name>
    <message>
      <source>&amp;Kỳ báo cáo:</source>
      <translation>&amp;Reporting period:</translation>
    </message>
    <message>
      <source>&amp;Làm mới</source>
      <translation>&amp;Refresh</translation>
    </message>
    <message>
      <source>Đọc lại tình trạng của các xã (F5)</source>
      <translation>Read the communes' status again (F5)</translation>
    </message>
    <message>
      <source>&amp;Xem số liệu xã…</source>
      <translation>&amp;View a commune's figures…</translation>
    </message>
    <message>
      <source>Mở số liệu của xã đang chọn, chỉ xem</source>
      <translation>Open the chosen commune's figures, read only</translation>
    </message>
    <message>
      <source>Các xã và tình trạng báo cáo</source>
      <translation>Communes and their report status</translation>
    </message>
    <message>
      <source>Chỉ tiêu tổng hợp của tỉnh</source>
      <translation>The province's consolidated indicators</translation>
    </message>
    <message>
      <source>Đang đọc số liệu của các xã…</source>
      <translation>Reading the communes' figures…</translation>
    </message>
  </context>
  <context>
    <name>ProvinceTexts</name>
    <message>
      <source>đã nộp lần %1</source>
      <translation>submitted, version %1</translation>
    </message>
    <message>
      <source>đã mở khóa (sau lần %1)</source>
      <translation>unlocked (after version %1)</translation>
    </message>
    <message>
      <source>đang nhập</source>
      <translation>entering</translation>
    </message>
    <message>
      <source>chưa có số liệu</source>
      <translation>no data yet</translation>
    </message>
    <message>
      <source>%1: %2 xã, %3 xã đã nộp; chỉ tiêu tổng hợp từ các xã đã nộp.</source>
      <translation>%1: %2 communes, %3 submitted; the indicators are consolidated from the communes that submitted.</translation>
    </message>
  </context>
  <context>
    <name>ProvinceWindow</name>
    <message>
      <source>Commune Desk — Tổng hợp của tỉnh (chỉ xem)</source>
      <translation>Commune Desk — Province overview (read only)</translation>
    </message>
  </context>
  <context>
    <name>RecordDialog</name>
    <message>
      <source>Sửa — %1</source>
      <translation>Edit — %1</translation>
    </message>
    <message>
      <source>Thêm — %1</source>
      <translation>Add — %1</translation>
    </message>
    <message>
      <source>&amp;Lưu</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Bắt buộc</source>
      <translation>Required</translation>
    </message>
    <message>
      <source>Lỗi: %1</source>
      <translation>Error: %1</translation>
    </message>
    <message>
      <source>ngày/tháng/năm, ví dụ 21/11/2026; để trống nếu chưa có</source>
      <translation>dd/mm/yyyy, or empty if none</translation>
    </message>
    <message>
      <source>— chọn —</source>
      <translation>— choose —</translation>
    </message>
    <message>
      <source>Các mục có dấu * là bắt buộc.</source>
      <translation>Fields marked * are required.</translation>
    </message>
    <message>
      <source>Thông báo lỗi</source>
      <translation>Error message</translation>
    </message>
  </context>
  <context>
    <name>RecordFilters</name>
    <message>
      <source>Tất cả các thôn</source>
      <translation>All villages</translation>
    </message>
    <message>
      <source>Lọc theo %1</source>
      <translation>Filter by %1</translation>
    </message>
    <message>
      <source>Tất cả</source>
      <translation>All</translation>
    </message>
  </context>
  <context>
    <name>RecordModel</name>
    <message>
      <source>Có</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>Không</source>
      <translation>No</translation>
    </message>
  </context>
  <context>
    <name>RecordPage</name>
    <message numerus="yes">
      <source>%1 dòng</source>
      <translation>
        <numerusform>%1 row</numerusform>
        <numerusform>%1 rows</numerusform>
      </translation>
    </message>
    <message>
      <source>Không sửa được</source>
      <translation>Cannot edit</translation>
    </message>
    <message>
      <source>Đã bỏ lọc để hiện bản ghi vừa lưu (bộ lọc đang chọn sẽ ẩn nó).</source>
      <translation>The filters were cleared to show the record just saved (they would have hidden it).</translation>
    </message>
    <message>
      <source>Xóa %1 «%2»?</source>
      <translation>Delete «%2» from %1?</translation>
    </message>
    <message>
      <source>Xóa</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Không xóa được</source>
      <translation>Cannot delete</translation>
    </message>
    <message>
      <source>Nhập %1 từ Excel</source>
      <translation>Import %1 from Excel</translation>
    </message>
    <message>
      <source>Bảng tính (*.xlsx *.xlsm *.csv);;Tất cả các tệp (*)</source>
      <translation>Spreadsheets (*.xlsx *.xlsm *.csv);;All files (*)</translation>
    </message>
    <message>
      <source>Xuất danh sách ra tệp Excel</source>
      <translation>Export the list to an Excel file</translation>
    </message>
    <message>
      <source>Đã xuất %1 dòng vào tệp %2.</source>
      <translation>The list has been exported to %2 (rows: %1).</translation>
    </message>
    <message>
      <source>Xuất danh sách</source>
      <translation>Export list</translation>
    </message>
    <message>
      <source>Không xuất được danh sách</source>
      <translation>Could not export the list</translation>
    </message>
    <message>
      <source>Đã hủy xuất danh sách.</source>
      <translation>List export cancelled.</translation>
    </message>
    <message>
      <source>Đang xuất danh sách…</source>
      <translation>Exporting the list…</translation>
    </message>
    <message>
      <source>Tìm &amp;kiếm:</source>
      <translation>&amp;Search:</translation>
    </message>
    <message>
      <source>Tìm kiếm</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>Mã, tên, ghi chú…</source>
      <translation>Code, name, note…</translation>
    </message>
    <message>
      <source>Tìm trong các cột chữ và mã (Ctrl+F)</source>
      <translation>Search the text and code columns (Ctrl+F)</translation>
    </message>
    <message>
      <source>T&amp;hôn:</source>
      <translation>&amp;Village:</translation>
    </message>
    <message>
      <source>Lọc theo thôn, tổ dân phố</source>
      <translation>Filter by village or residential group</translation>
    </message>
    <message>
      <source>&amp;Loại:</source>
      <translation>&amp;Type:</translation>
    </message>
    <message>
      <source>Lọc theo loại</source>
      <translation>Filter by type</translation>
    </message>
    <message>
      <source>Lọc theo ngày</source>
      <translation>Filter by date</translation>
    </message>
    <message>
      <source>Ngày</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>từ</source>
      <translation>from</translation>
    </message>
    <message>
      <source>Từ ngày</source>
      <translation>From date</translation>
    </message>
    <message>
      <source>dd/MM/yyyy</source>
      <translation>dd/MM/yyyy</translation>
    </message>
    <message>
      <source>đến</source>
      <translation>to</translation>
    </message>
    <message>
      <source>Đến ngày</source>
      <translation>To date</translation>
    </message>
    <message>
      <source>Danh sách</source>
      <translation>List</translation>
    </message>
    <message>
      <source>Số dòng</source>
      <translation>Row count</translation>
    </message>
    <message>
      <source>Tiến độ</source>
      <translation>Progress</translation>
    </message>
    <message>
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Hủy việc đang chạy</source>
      <translation>Cancel the running task</translation>
    </message>
    <message>
      <source>&amp;Thêm…</source>
      <translation>&amp;Add…</translation>
    </message>
    <message>
      <source>Thêm một dòng (Ctrl+N, Insert)</source>
      <translation>Add a row (Ctrl+N, Insert)</translation>
    </message>
    <message>
      <source>&amp;Sửa…</source>
      <translation>&amp;Edit…</translation>
    </message>
    <message>
      <source>Sửa dòng đang chọn (Enter, F2, nhấp đúp)</source>
      <translation>Edit the selected row (Enter, F2, double-click)</translation>
    </message>
    <message>
      <source>&amp;Xóa</source>
      <translation>&amp;Delete</translation>
    </message>
    <message>
      <source>Xóa dòng đang chọn (Delete)</source>
      <translation>Delete the selected row (Delete)</translation>
    </message>
    <message>
      <source>Nhập từ &amp;Excel…</source>
      <translation>&amp;Import from Excel…</translation>
    </message>
    <message>
      <source>Nhập danh sách từ tệp .xlsx hoặc .csv (Ctrl+I)</source>
      <translation>Import a list from an .xlsx or .csv file (Ctrl+I)</translation>
    </message>
    <message>
      <source>X&amp;uất danh sách…</source>
      <translation>E&amp;xport list…</translation>
    </message>
    <message>
      <source>Xuất danh sách đang lọc ra tệp .xlsx (Ctrl+E)</source>
      <translation>Export the filtered list to an .xlsx file (Ctrl+E)</translation>
    </message>
  </context>
  <context>
    <name>RecordSection</name>
    <message>
      <source>Các danh sách</source>
      <translation>Lists</translation>
    </message>
  </context>
  <context>
    <name>ReportModel</name>
    <message>
      <source>STT</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>Chỉ tiêu</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>Đơn vị tính</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>Kế hoạch năm</source>
      <translation>Year's target</translation>
    </message>
    <message>
      <source>Thực hiện kỳ báo cáo</source>
      <translation>This period</translation>
    </message>
    <message>
      <source>Kỳ trước</source>
      <translation>Previous period</translation>
    </message>
    <message>
      <source>Lũy kế từ đầu năm</source>
      <translation>Year to date</translation>
    </message>
    <message>
      <source>Cùng kỳ năm trước</source>
      <translation>Same period last year</translation>
    </message>
    <message>
      <source>Tỷ lệ % so với KH</source>
      <translation>% of target</translation>
    </message>
    <message>
      <source>Ghi chú</source>
      <translation>Note</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <source>Báo cáo %1 (bản nháp).xlsx</source>
      <translation>Report %1 (draft).xlsx</translation>
    </message>
    <message>
      <source>Xuất bản nháp</source>
      <translation>Export draft</translation>
    </message>
    <message>
      <source>Nộp báo cáo %1? Sau khi nộp, số liệu và các hồ sơ của kỳ sẽ bị khóa; muốn sửa phải được lãnh đạo mở khóa.
Số cảnh báo sẽ nộp kèm: %2.</source>
      <translation>Submit the report for %1? Once it is submitted, the period's figures and records are locked; changing them needs a leader to unlock the period.
Warnings submitted with it: %2.</translation>
    </message>
    <message>
      <source>Nộp báo cáo</source>
      <translation>Submit report</translation>
    </message>
    <message>
      <source>Báo cáo %1 v%2.xlsx</source>
      <translation>Report %1 v%2.xlsx</translation>
    </message>
    <message>
      <source>Lý do mở khóa %1 (ghi vào nhật ký):</source>
      <translation>Reason for unlocking %1 (recorded in the log):</translation>
    </message>
    <message>
      <source>Mở khóa kỳ báo cáo</source>
      <translation>Unlock reporting period</translation>
    </message>
    <message>
      <source>Cần ghi lý do mở khóa.</source>
      <translation>A reason for unlocking is required.</translation>
    </message>
    <message>
      <source>Không mở khóa được</source>
      <translation>Could not unlock</translation>
    </message>
    <message>
      <source>Chọn mẫu báo cáo của tỉnh</source>
      <translation>Choose the province's report form</translation>
    </message>
    <message>
      <source>Bảng tính Excel (*.xlsx)</source>
      <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
      <source>Đã ghi bản nháp vào tệp %1.</source>
      <translation>The draft has been saved to %1.</translation>
    </message>
    <message>
      <source>Đã nộp báo cáo phiên bản %1 vào tệp %2. Kỳ báo cáo đã được khóa.</source>
      <translation>Report version %1 submitted and saved to %2. The reporting period is now locked.</translation>
    </message>
    <message>
      <source>Báo cáo</source>
      <translation>Report</translation>
    </message>
    <message>
      <source>Không ghi được báo cáo</source>
      <translation>Could not write the report</translation>
    </message>
    <message>
      <source>Mẫu chuẩn của chương trình</source>
      <translation>The program's standard form</translation>
    </message>
    <message>
      <source>(không tìm thấy tệp)</source>
      <translation>(file not found)</translation>
    </message>
    <message>
      <source>Xem bản in theo mẫu chuẩn của chương trình; mẫu của tỉnh dùng khi xuất bản nháp và nộp báo cáo</source>
      <translation>The print preview uses the program's standard form; the province's form is used when exporting a draft and submitting</translation>
    </message>
    <message>
      <source>Đang ghi báo cáo…</source>
      <translation>Writing the report…</translation>
    </message>
    <message>
      <source>&amp;Xem trước báo cáo đã nộp, phiên bản %1 (số liệu đã nộp):</source>
      <translation>&amp;Preview of the submitted report, version %1 (the figures as submitted):</translation>
    </message>
    <message>
      <source>&amp;Xem trước các dòng của báo cáo (bản nháp, chưa nộp):</source>
      <translation>&amp;Preview of the report's rows (a draft, not submitted):</translation>
    </message>
    <message>
      <source>Trạng thái: đã nộp v%1 ngày %2 (%3); số liệu của kỳ đang khóa.</source>
      <translation>Status: submitted v%1 on %2 (%3); the period's figures are locked.</translation>
    </message>
    <message>
      <source>Tỉnh đã tiếp nhận.</source>
      <translation>The province has accepted it.</translation>
    </message>
    <message>
      <source>Trạng thái: đã mở khóa ngày %1 (%2), lý do: %3. Đã nộp v%4; lần nộp sau là v%5.</source>
      <translation>Status: unlocked on %1 (%2), reason: %3. Submitted v%4; the next submission will be v%5.</translation>
    </message>
    <message>
      <source>Trạng thái: đang nhập số liệu, chưa nộp.</source>
      <translation>Status: data entry in progress, not submitted.</translation>
    </message>
    <message>
      <source>Trạng thái: chưa có số liệu.</source>
      <translation>Status: no data yet.</translation>
    </message>
    <message>
      <source>Các tháng của kỳ đã khóa theo báo cáo %1.</source>
      <translation>The period's months are locked by the report for %1.</translation>
    </message>
    <message>
      <source>Kiểm tra &amp;số liệu: %1 lỗi (phải sửa trước khi nộp), %2 cảnh báo:</source>
      <translation>Data &amp;check (errors: %1, to fix before submitting; warnings: %2):</translation>
    </message>
    <message>
      <source>Kiểm tra &amp;số liệu: không có lỗi; %1 cảnh báo (nộp kèm báo cáo):</source>
      <translation>Data &amp;check (no errors; warnings: %1, submitted with the report):</translation>
    </message>
    <message>
      <source>Kiểm tra &amp;số liệu: không có lỗi, không có cảnh báo.</source>
      <translation>Data &amp;check: no errors, no warnings.</translation>
    </message>
    <message>
      <source>Lỗi</source>
      <translation>Error</translation>
    </message>
    <message>
      <source>Cảnh báo</source>
      <translation>Warning</translation>
    </message>
    <message>
      <source>&lt;b&gt;Báo cáo định kỳ gửi tỉnh&lt;/b&gt;</source>
      <translation>&lt;b&gt;Periodic report to the province&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&amp;Kỳ báo cáo:</source>
      <translation>&amp;Reporting period:</translation>
    </message>
    <message>
      <source>Kỳ báo cáo</source>
      <translation>Reporting period</translation>
    </message>
    <message>
      <source>Trạng thái báo cáo</source>
      <translation>Report status</translation>
    </message>
    <message>
      <source>&amp;Xem trước các dòng của báo cáo:</source>
      <translation>Pre&amp;view of the report's rows:</translation>
    </message>
    <message>
      <source>Xem trước báo cáo</source>
      <translation>Report preview</translation>
    </message>
    <message>
      <source>Kiểm tra &amp;số liệu:</source>
      <translation>Data &amp;check:</translation>
    </message>
    <message>
      <source>Lỗi và cảnh báo của kỳ</source>
      <translation>Errors and warnings for the period</translation>
    </message>
    <message>
      <source>Đánh &amp;giá chung:</source>
      <translation>&amp;General assessment:</translation>
    </message>
    <message>
      <source>Đánh giá chung</source>
      <translation>General assessment</translation>
    </message>
    <message>
      <source>Khó khăn, &amp;vướng mắc:</source>
      <translation>Difficulties, o&amp;bstacles:</translation>
    </message>
    <message>
      <source>Khó khăn, vướng mắc</source>
      <translation>Difficulties, obstacles</translation>
    </message>
    <message>
      <source>Đề x&amp;uất, kiến nghị:</source>
      <translation>Proposals, reco&amp;mmendations:</translation>
    </message>
    <message>
      <source>Đề xuất, kiến nghị</source>
      <translation>Proposals, recommendations</translation>
    </message>
    <message>
      <source>&amp;Lưu nhận định</source>
      <translation>Save the &amp;narrative</translation>
    </message>
    <message>
      <source>Lưu phần nhận định của kỳ; báo cáo đặt sau bảng số liệu, khóa cùng khi nộp</source>
      <translation>Save the period's narrative; the report places it after the table of figures, and it is locked with the submission</translation>
    </message>
    <message>
      <source>Mẫu của tỉnh:</source>
      <translation>Province's form:</translation>
    </message>
    <message>
      <source>Mẫu báo cáo đang dùng</source>
      <translation>Report form in use</translation>
    </message>
    <message>
      <source>Chọn &amp;mẫu…</source>
      <translation>Choose &amp;template…</translation>
    </message>
    <message>
      <source>Chọn tệp Excel (.xlsx) mẫu báo cáo do tỉnh gửi; bản nháp và bản nộp sẽ được điền vào mẫu này</source>
      <translation>Choose the Excel (.xlsx) report form sent by the province; drafts and submissions will be filled into it</translation>
    </message>
    <message>
      <source>&amp;Dùng mẫu chuẩn</source>
      <translation>Use standard &amp;form</translation>
    </message>
    <message>
      <source>Bỏ mẫu của tỉnh, ghi báo cáo theo mẫu chuẩn của chương trình</source>
      <translation>Stop using the province's form and write the report in the program's standard form</translation>
    </message>
    <message>
      <source>Xuất bản &amp;nháp</source>
      <translation>Export &amp;draft</translation>
    </message>
    <message>
      <source>Ghi báo cáo có chữ «BẢN NHÁP» để xem lại; không nộp, không khóa kỳ</source>
      <translation>Write the report stamped «BẢN NHÁP» (draft) for review; nothing is submitted or locked</translation>
    </message>
    <message>
      <source>Nộp &amp;báo cáo</source>
      <translation>&amp;Submit report</translation>
    </message>
    <message>
      <source>Ghi báo cáo chính thức, lưu phiên bản và khóa số liệu của kỳ</source>
      <translation>Write the official report, save it as a version and lock the period's figures</translation>
    </message>
    <message>
      <source>Xem bản &amp;in…</source>
      <translation>&amp;Print preview…</translation>
    </message>
    <message>
      <source>Mở &amp;khóa…</source>
      <translation>&amp;Unlock…</translation>
    </message>
    <message>
      <source>Lãnh đạo mở khóa kỳ đã nộp để sửa số liệu (cần ghi lý do)</source>
      <translation>For a leader to unlock a submitted period so its figures can be corrected (a reason is required)</translation>
    </message>
    <message>
      <source>Nhận &amp;phản hồi của tỉnh…</source>
      <translation>Receive the &amp;province's reply…</translation>
    </message>
    <message>
      <source>Mở phiếu phản hồi của tỉnh: tiếp nhận, hoặc trả lại (kỳ được mở khóa để sửa)</source>
      <translation>Open the province's reply: accepted, or returned (the period is unlocked for correction)</translation>
    </message>
    <message>
      <source>Tiến độ ghi báo cáo</source>
      <translation>Report writing progress</translation>
    </message>
    <message>
      <source>Mở &amp;thư mục</source>
      <translation>&amp;Open folder</translation>
    </message>
    <message>
      <source>Mở thư mục chứa tệp báo cáo vừa ghi</source>
      <translation>Open the folder containing the report just written</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>tự động hằng ngày</source>
      <translation>daily, automatic</translation>
    </message>
    <message>
      <source>sao lưu thủ công</source>
      <translation>made by hand</translation>
    </message>
    <message>
      <source>trước khi nâng cấp</source>
      <translation>before an upgrade</translation>
    </message>
    <message>
      <source>trước khi khôi phục</source>
      <translation>before a restore</translation>
    </message>
    <message>
      <source>tệp khác</source>
      <translation>other file</translation>
    </message>
    <message>
      <source>%1 (phiên bản %2)</source>
      <translation>%1 (version %2)</translation>
    </message>
    <message>
      <source>Ngày sao lưu</source>
      <translation>Backed up on</translation>
    </message>
    <message>
      <source>Tệp</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Xã</source>
      <translation>Commune</translation>
    </message>
    <message>
      <source>chưa có thông tin xã</source>
      <translation>no commune yet</translation>
    </message>
    <message>
      <source>Thay đổi cuối</source>
      <translation>Last change</translation>
    </message>
    <message>
      <source>chưa có</source>
      <translation>none</translation>
    </message>
    <message>
      <source>Tháng có số liệu</source>
      <translation>Months with figures</translation>
    </message>
    <message>
      <source>%1 tháng: %2</source>
      <translation>%1 months: %2</translation>
    </message>
    <message>
      <source>Báo cáo đã nộp</source>
      <translation>Reports submitted</translation>
    </message>
    <message>
      <source>Số bản ghi</source>
      <translation>Records</translation>
    </message>
    <message>
      <source>Khôi phục dữ liệu từ bản sao lưu</source>
      <translation>Restore the data from a backup</translation>
    </message>
    <message>
      <source>Nội dung bản sao lưu</source>
      <translation>Contents of the backup</translation>
    </message>
    <message>
      <source>Dữ liệu hiện tại sẽ được thay bằng nội dung bản sao lưu này. Trước khi thay, chương trình tự sao lưu trạng thái hiện tại vào thư mục sao lưu để có thể quay lại.</source>
      <translation>The current data will be replaced by this backup. Before that, the program saves the current state in the backups folder so you can go back.</translation>
    </message>
    <message>
      <source>Chú ý: bản sao lưu này là dữ liệu của %1 (mã %2), không phải của %3 (mã %4) đang dùng. Khôi phục sẽ thay dữ liệu của %3 bằng dữ liệu của %1. Chỉ bấm «Khôi phục» nếu đúng là muốn như vậy.</source>
      <translation>Attention: this backup holds the data of %1 (code %2), not of %3 (code %4) in use. Restoring replaces the data of %3 by the data of %1. Press «Restore» only if that is what you want.</translation>
    </message>
    <message>
      <source>&amp;Khôi phục</source>
      <translation>&amp;Restore</translation>
    </message>
    <message>
      <source>&amp;Hủy</source>
      <translation>&amp;Cancel</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <source>Cán bộ nhập liệu</source>
      <translation>Clerk</translation>
    </message>
    <message>
      <source>Cán bộ báo cáo</source>
      <translation>Reporting officer</translation>
    </message>
    <message>
      <source>Lãnh đạo</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <source>Quản trị máy</source>
      <translation>Machine administrator</translation>
    </message>
    <message>
      <source>Cán bộ tỉnh (chỉ xem)</source>
      <translation>Province officer (read only)</translation>
    </message>
    <message>
      <source>Tài khoản lãnh đạo chỉ xem: nhập và sửa số liệu, danh sách là việc của cán bộ.</source>
      <translation>A supervisor's account only reads: entering and correcting figures and lists is the staff's work.</translation>
    </message>
    <message>
      <source>Chỉ cán bộ báo cáo nhập danh sách, số liệu từ tệp Excel.</source>
      <translation>Only a reporting officer imports lists and figures from Excel files.</translation>
    </message>
    <message>
      <source>Chỉ cán bộ báo cáo được nộp báo cáo.</source>
      <translation>Only a reporting officer may submit reports.</translation>
    </message>
    <message>
      <source>Chỉ cán bộ báo cáo sửa thông tin xã, cài đặt báo cáo và chỉ tiêu kế hoạch.</source>
      <translation>Only a reporting officer edits the commune's details, report settings and targets.</translation>
    </message>
    <message>
      <source>Chỉ lãnh đạo được mở khóa kỳ đã nộp.</source>
      <translation>Only a supervisor may unlock a submitted period.</translation>
    </message>
    <message>
      <source>Chỉ lãnh đạo quản lý tài khoản.</source>
      <translation>Only a supervisor manages accounts.</translation>
    </message>
    <message>
      <source>Chỉ lãnh đạo xem nhật ký thay đổi.</source>
      <translation>Only a supervisor reads the audit trail.</translation>
    </message>
    <message>
      <source>Chỉ lãnh đạo được khôi phục bản sao lưu.</source>
      <translation>Only a supervisor may restore a backup.</translation>
    </message>
    <message>
      <source>Số điện thoại chỉ hiện với cán bộ báo cáo và lãnh đạo.</source>
      <translation>Phone numbers are shown to reporting officers and supervisors only.</translation>
    </message>
  </context>
  <context>
    <name>RowErrorsModel</name>
    <message>
      <source>Dòng</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>Cột</source>
      <translation>Column</translation>
    </message>
    <message>
      <source>Mã</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
  </context>
  <context>
    <name>ServerDialog</name>
    <message>
      <source>Đang kết nối…</source>
      <translation>Connecting…</translation>
    </message>
    <message>
      <source>Commune Desk — Kết nối máy chủ</source>
      <translation>Commune Desk — Connect to a server</translation>
    </message>
    <message>
      <source>Dùng chung một cơ sở dữ liệu PostgreSQL cho cả văn phòng (hoặc cả tỉnh). Người quản trị máy chủ cho bạn biết các thông tin dưới đây.</source>
      <translation>Share one PostgreSQL database across the whole office (or the whole province). The server's administrator gives you the details below.</translation>
    </message>
    <message>
      <source>&amp;Máy chủ:</source>
      <translation>&amp;Server:</translation>
    </message>
    <message>
      <source>Tên hoặc địa chỉ máy chủ</source>
      <translation>Server name or address</translation>
    </message>
    <message>
      <source>vd. 192.168.1.10</source>
      <translation>e.g. 192.168.1.10</translation>
    </message>
    <message>
      <source>&amp;Cổng:</source>
      <translation>&amp;Port:</translation>
    </message>
    <message>
      <source>Cổng</source>
      <translation>Port</translation>
    </message>
    <message>
      <source>Cơ sở &amp;dữ liệu:</source>
      <translation>&amp;Database:</translation>
    </message>
    <message>
      <source>Tên cơ sở dữ liệu</source>
      <translation>Database name</translation>
    </message>
    <message>
      <source>&amp;Tên đăng nhập:</source>
      <translation>&amp;Username:</translation>
    </message>
    <message>
      <source>Tên đăng nhập máy chủ</source>
      <translation>Server user name</translation>
    </message>
    <message>
      <source>Mật &amp;khẩu:</source>
      <translation>Pass&amp;word:</translation>
    </message>
    <message>
      <source>Mật khẩu máy chủ</source>
      <translation>Server password</translation>
    </message>
    <message>
      <source>&amp;Ghi nhớ mật khẩu</source>
      <translation>&amp;Remember the password</translation>
    </message>
    <message>
      <source>Mật khẩu được giữ trong kho mật khẩu của hệ điều hành, không ghi vào tệp cài đặt hay nhật ký.</source>
      <translation>The password is kept in the operating system's keyring, never in the settings file or a log.</translation>
    </message>
    <message>
      <source>Kết quả kết nối</source>
      <translation>Connection result</translation>
    </message>
    <message>
      <source>&amp;Kết nối</source>
      <translation>&amp;Connect</translation>
    </message>
    <message>
      <source>&amp;Hủy</source>
      <translation>&amp;Cancel</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source>Không có thay đổi nào cần lưu.</source>
      <translation>Nothing to save.</translation>
    </message>
    <message>
      <source>Số liệu của mọi kỳ, kể cả các kỳ đã qua, sẽ được tính theo cách mới. Tiếp tục?</source>
      <translation>The figures of every period, past ones included, will be computed the new way. Continue?</translation>
    </message>
    <message>
      <source>Đổi cách tính kỳ số liệu</source>
      <translation>Change the data cut-off</translation>
    </message>
    <message>
      <source>Đã đổi cách tính kỳ số liệu.</source>
      <translation>The data cut-off has been changed.</translation>
    </message>
    <message>
      <source>Đã lưu thông tin xã.</source>
      <translation>Commune details saved.</translation>
    </message>
    <message>
      <source>Đã lưu thông tin báo cáo.</source>
      <translation>Report details saved.</translation>
    </message>
    <message>
      <source>Xem trước phần đầu và phần ký của báo cáo:</source>
      <translation>Preview of the report's heading and signature:</translation>
    </message>
    <message>
      <source>&lt;b&gt;Cài đặt của xã và của chương trình&lt;/b&gt;</source>
      <translation>&lt;b&gt;Commune and program settings&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Ctrl+S: lưu mọi thay đổi trên trang này</source>
      <translation>Ctrl+S: save every change on this page</translation>
    </message>
    <message>
      <source>Thông tin xã</source>
      <translation>Commune</translation>
    </message>
    <message>
      <source>&amp;Mã xã:</source>
      <translation>&amp;Code:</translation>
    </message>
    <message>
      <source>Mã xã</source>
      <translation>Commune code</translation>
    </message>
    <message>
      <source>Mã đơn vị hành chính của xã; không thay đổi được</source>
      <translation>The commune's administrative code; cannot be changed</translation>
    </message>
    <message>
      <source>Mã đơn vị hành chính xác định cơ sở dữ liệu của xã nên không thay đổi được.</source>
      <translation>The administrative code identifies the commune's database, so it cannot be changed.</translation>
    </message>
    <message>
      <source>Tên &amp;xã:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>Tên xã</source>
      <translation>Commune name</translation>
    </message>
    <message>
      <source>Ví dụ: Xã Thiệu Trung</source>
      <translation>For example: Xã Thiệu Trung</translation>
    </message>
    <message>
      <source>&amp;Tỉnh, thành phố:</source>
      <translation>&amp;Province:</translation>
    </message>
    <message>
      <source>Tỉnh, thành phố</source>
      <translation>Province</translation>
    </message>
    <message>
      <source>Ví dụ: Thanh Hóa</source>
      <translation>For example: Thanh Hóa</translation>
    </message>
    <message>
      <source>&amp;Lưu thông tin xã</source>
      <translation>&amp;Save commune details</translation>
    </message>
    <message>
      <source>Lưu thông tin xã</source>
      <translation>Save commune details</translation>
    </message>
    <message>
      <source>Kết quả lưu thông tin xã</source>
      <translation>Result of saving the commune details</translation>
    </message>
    <message>
      <source>Kỳ số liệu</source>
      <translation>Reporting periods</translation>
    </message>
    <message>
      <source>&amp;Cách tính kỳ:</source>
      <translation>Cut-&amp;off:</translation>
    </message>
    <message>
      <source>Cách tính kỳ số liệu</source>
      <translation>Data cut-off</translation>
    </message>
    <message>
      <source>Tháng dương lịch</source>
      <translation>Calendar months</translation>
    </message>
    <message>
      <source>Theo Nghị định 09/2019 (15 tháng trước – 14 tháng này)</source>
      <translation>Decree 09/2019 (15th of the previous month – 14th of this month)</translation>
    </message>
    <message>
      <source>Theo Nghị định 09/2019/NĐ-CP, số liệu tháng tính từ ngày 15 tháng trước đến ngày 14 tháng báo cáo; năm tính từ 15/12 năm trước đến 14/12. Thay đổi có hiệu lực ngay với mọi kỳ, kể cả các kỳ đã qua.</source>
      <translation>Under Decree 09/2019/NĐ-CP a month's data run from the 15th of the previous month to the 14th of the reporting month; a year runs from 15/12 of the previous year to 14/12. A change applies at once to every period, past ones included.</translation>
    </message>
    <message>
      <source>Kết quả đổi cách tính kỳ</source>
      <translation>Result of changing the cut-off</translation>
    </message>
    <message>
      <source>Ngôn ngữ</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>Ngôn ngữ &amp;giao diện:</source>
      <translation>Interface &amp;language:</translation>
    </message>
    <message>
      <source>Ngôn ngữ giao diện</source>
      <translation>Interface language</translation>
    </message>
    <message>
      <source>Giao diện đổi ngay, không cần khởi động lại. Báo cáo gửi cấp trên luôn bằng tiếng Việt.</source>
      <translation>The interface changes at once, without a restart. Reports sent to the province are always in Vietnamese.</translation>
    </message>
    <message>
      <source>Sao lưu và khôi phục</source>
      <translation>Backup and restore</translation>
    </message>
    <message>
      <source>Chương trình tự sao lưu khi mở lần đầu mỗi ngày và trước mỗi lần nâng cấp; giữ bản mới nhất của 14 ngày gần nhất và của 12 tháng gần nhất.</source>
      <translation>The program backs up by itself at the first start of each day and before every upgrade; it keeps the newest copy of each of the last 14 days and of the last 12 months.</translation>
    </message>
    <message>
      <source>Các bản sao lưu</source>
      <translation>Backups</translation>
    </message>
    <message>
      <source>&amp;Sao lưu ngay</source>
      <translation>&amp;Back up now</translation>
    </message>
    <message>
      <source>Sao lưu ngay vào thư mục sao lưu</source>
      <translation>Back up now to the backups folder</translation>
    </message>
    <message>
      <source>Sa&amp;o lưu vào USB, thư mục khác…</source>
      <translation>Back up to a USB stick, an&amp;other folder…</translation>
    </message>
    <message>
      <source>Sao lưu vào USB hoặc thư mục khác</source>
      <translation>Back up to a USB stick or another folder</translation>
    </message>
    <message>
      <source>Khôi &amp;phục bản đã chọn…</source>
      <translation>Restore the selected co&amp;py…</translation>
    </message>
    <message>
      <source>Khôi phục bản sao lưu đã chọn</source>
      <translation>Restore the selected backup</translation>
    </message>
    <message>
      <source>Khôi phục từ tệp khác…</source>
      <translation>Restore from another file…</translation>
    </message>
    <message>
      <source>Khôi phục từ một tệp sao lưu khác</source>
      <translation>Restore from another backup file</translation>
    </message>
    <message>
      <source>Kết quả sao lưu, khôi phục</source>
      <translation>Result of the backup or restore</translation>
    </message>
    <message>
      <source>Người ký và nơi nhận báo cáo</source>
      <translation>Report signer and recipients</translation>
    </message>
    <message>
      <source>&amp;Quyền hạn ký:</source>
      <translation>Signs &amp;for:</translation>
    </message>
    <message>
      <source>Quyền hạn ký</source>
      <translation>Signs for</translation>
    </message>
    <message>
      <source>TM. (thay mặt) khi Chủ tịch ký; KT. (ký thay) khi Phó Chủ tịch ký.</source>
      <translation>TM. (on behalf of) when the Chairman signs; KT. (signing for) when a Vice-Chairman signs.</translation>
    </message>
    <message>
      <source>Chức &amp;vụ người ký:</source>
      <translation>Signer's &amp;title:</translation>
    </message>
    <message>
      <source>Chức vụ người ký</source>
      <translation>Signer's title</translation>
    </message>
    <message>
      <source>Họ tên người &amp;ký:</source>
      <translation>Signer's na&amp;me:</translation>
    </message>
    <message>
      <source>Họ tên người ký</source>
      <translation>Signer's name</translation>
    </message>
    <message>
      <source>Ví dụ: Lê Văn Hùng</source>
      <translation>For example: Lê Văn Hùng</translation>
    </message>
    <message>
      <source>Người lập &amp;biểu:</source>
      <translation>Prepared &amp;by:</translation>
    </message>
    <message>
      <source>Người lập biểu</source>
      <translation>Prepared by</translation>
    </message>
    <message>
      <source>Cán bộ lập biểu số liệu</source>
      <translation>The officer who prepares the tables</translation>
    </message>
    <message>
      <source>Địa &amp;danh ghi ngày:</source>
      <translation>Place in the &amp;date line:</translation>
    </message>
    <message>
      <source>Địa danh ghi ngày</source>
      <translation>Place in the date line</translation>
    </message>
    <message>
      <source>Ví dụ: Thiệu Trung</source>
      <translation>For example: Thiệu Trung</translation>
    </message>
    <message>
      <source>Ký &amp;hiệu số báo cáo:</source>
      <translation>Report number suffi&amp;x:</translation>
    </message>
    <message>
      <source>Ký hiệu số báo cáo</source>
      <translation>Report number suffix</translation>
    </message>
    <message>
      <source>Ví dụ: BC-UBND</source>
      <translation>For example: BC-UBND</translation>
    </message>
    <message>
      <source>Nơi &amp;nhận:</source>
      <translation>&amp;Recipients:</translation>
    </message>
    <message>
      <source>Nơi nhận, mỗi dòng một nơi</source>
      <translation>Recipients, one per line</translation>
    </message>
    <message>
      <source>UBND tỉnh Thanh Hóa (b/c)
Sở Khoa học và Công nghệ
Đảng ủy, HĐND xã</source>
      <translation>UBND tỉnh Thanh Hóa (b/c)
Sở Khoa học và Công nghệ
Đảng ủy, HĐND xã</translation>
    </message>
    <message>
      <source>Mỗi dòng một nơi nhận. Báo cáo tự thêm gạch đầu dòng, dấu chấm phẩy cuối dòng và dòng cuối «- Lưu: VT.», không cần gõ các dấu này.</source>
      <translation>One recipient per line. The report adds the leading dash, the closing semicolon and the last line «- Lưu: VT.»; there is no need to type them.</translation>
    </message>
    <message>
      <source>Xem trước trên báo cáo</source>
      <translation>Preview on the report</translation>
    </message>
    <message>
      <source>Lư&amp;u thông tin báo cáo</source>
      <translation>Sa&amp;ve report details</translation>
    </message>
    <message>
      <source>Lưu thông tin báo cáo</source>
      <translation>Save report details</translation>
    </message>
    <message>
      <source>Kết quả lưu thông tin báo cáo</source>
      <translation>Result of saving the report details</translation>
    </message>
  </context>
  <context>
    <name>SetupWizard</name>
    <message numerus="yes">
      <source>Mã xã gồm 5 chữ số; mới nhập %n chữ số.</source>
      <translation>
        <numerusform>The commune code has 5 digits; %n digit typed so far.</numerusform>
        <numerusform>The commune code has 5 digits; %n digits typed so far.</numerusform>
      </translation>
    </message>
    <message>
      <source>Nhập mã xã (5 chữ số).</source>
      <translation>Type the commune code (5 digits).</translation>
    </message>
    <message>
      <source>Nhập tên xã.</source>
      <translation>Type the commune's name.</translation>
    </message>
    <message>
      <source>Nhập tên tỉnh, thành phố.</source>
      <translation>Type the province.</translation>
    </message>
    <message>
      <source>Nhập tên đăng nhập của lãnh đạo (ít nhất 3 ký tự).</source>
      <translation>Type the supervisor's username (at least 3 characters).</translation>
    </message>
    <message>
      <source>Nhập họ và tên của lãnh đạo.</source>
      <translation>Type the supervisor's full name.</translation>
    </message>
    <message>
      <source>Đang tạo dữ liệu…</source>
      <translation>Creating the data…</translation>
    </message>
    <message>
      <source>Commune Desk — Thiết lập ban đầu</source>
      <translation>Commune Desk — first set-up</translation>
    </message>
    <message>
      <source>&lt;b&gt;Chào mừng đến với Commune Desk&lt;/b&gt;</source>
      <translation>&lt;b&gt;Welcome to Commune Desk&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Cơ sở dữ liệu chưa có thông tin xã. Nhập thông tin của xã để bắt đầu, hoặc mở dữ liệu mẫu để dùng thử chương trình.</source>
      <translation>The database has no commune yet. Enter your commune's details to start, or open the demo data to try the program.</translation>
    </message>
    <message>
      <source>Thông tin xã</source>
      <translation>Commune</translation>
    </message>
    <message>
      <source>&amp;Mã xã:</source>
      <translation>&amp;Code:</translation>
    </message>
    <message>
      <source>Mã xã, 5 chữ số</source>
      <translation>Commune code, 5 digits</translation>
    </message>
    <message>
      <source>5 chữ số, ví dụ 15880</source>
      <translation>5 digits, for example 15880</translation>
    </message>
    <message>
      <source>Mã đơn vị hành chính của xã, gồm 5 chữ số; không đổi được sau này.</source>
      <translation>The commune's 5-digit administrative code; it cannot be changed later.</translation>
    </message>
    <message>
      <source>Tên &amp;xã:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>Tên xã</source>
      <translation>Commune name</translation>
    </message>
    <message>
      <source>Ví dụ: Xã Thiệu Trung</source>
      <translation>For example: Xã Thiệu Trung</translation>
    </message>
    <message>
      <source>&amp;Tỉnh, thành phố:</source>
      <translation>&amp;Province:</translation>
    </message>
    <message>
      <source>Tỉnh, thành phố</source>
      <translation>Province</translation>
    </message>
    <message>
      <source>Ví dụ: Thanh Hóa</source>
      <translation>For example: Thanh Hóa</translation>
    </message>
    <message>
      <source>&amp;Cách tính kỳ:</source>
      <translation>Cut-&amp;off:</translation>
    </message>
    <message>
      <source>Cách tính kỳ số liệu</source>
      <translation>Data cut-off</translation>
    </message>
    <message>
      <source>Tháng dương lịch</source>
      <translation>Calendar months</translation>
    </message>
    <message>
      <source>Theo Nghị định 09/2019 (15 tháng trước – 14 tháng này)</source>
      <translation>Decree 09/2019 (15th of the previous month – 14th of this month)</translation>
    </message>
    <message>
      <source>Tài khoản lãnh đạo (người quản lý tài khoản của cán bộ)</source>
      <translation>Supervisor's account (manages the staff accounts)</translation>
    </message>
    <message>
      <source>Tên đăng &amp;nhập:</source>
      <translation>&amp;Username:</translation>
    </message>
    <message>
      <source>Tên đăng nhập của lãnh đạo</source>
      <translation>Supervisor's username</translation>
    </message>
    <message>
      <source>chữ thường không dấu, ví dụ: chutich</source>
      <translation>lower case without accents, e.g. chutich</translation>
    </message>
    <message>
      <source>Họ và &amp;tên:</source>
      <translation>F&amp;ull name:</translation>
    </message>
    <message>
      <source>Họ và tên của lãnh đạo</source>
      <translation>Supervisor's full name</translation>
    </message>
    <message>
      <source>&amp;Mật khẩu:</source>
      <translation>Pass&amp;word:</translation>
    </message>
    <message>
      <source>Mật khẩu của lãnh đạo</source>
      <translation>Supervisor's password</translation>
    </message>
    <message>
      <source>ít nhất 8 ký tự</source>
      <translation>at least 8 characters</translation>
    </message>
    <message>
      <source>Nhập &amp;lại mật khẩu:</source>
      <translation>Con&amp;firm password:</translation>
    </message>
    <message>
      <source>Nhập lại mật khẩu của lãnh đạo</source>
      <translation>Type the supervisor's password again</translation>
    </message>
    <message>
      <source>Danh sách thôn, tổ dân phố, cán bộ và các số liệu khác nhập sau, ở các mục của chương trình. Tên xã, tỉnh và cách tính kỳ sửa được ở mục «Cài đặt».</source>
      <translation>Villages, staff and the other records come later, in the program's sections. The name, the province and the cut-off can be changed under «Settings».</translation>
    </message>
    <message>
      <source>Điều còn thiếu</source>
      <translation>What is missing</translation>
    </message>
    <message>
      <source>Kết nối &amp;máy chủ…</source>
      <translation>Connect to a &amp;server…</translation>
    </message>
    <message>
      <source>Dùng chung cơ sở dữ liệu trên một máy chủ PostgreSQL của văn phòng hoặc của tỉnh.</source>
      <translation>Share one database on a PostgreSQL server of the office or of the province.</translation>
    </message>
    <message>
      <source>Mở &amp;dữ liệu mẫu</source>
      <translation>Open the &amp;demo data</translation>
    </message>
    <message>
      <source>Mở dữ liệu mẫu</source>
      <translation>Open the demo data</translation>
    </message>
    <message>
      <source>Mở một xã mẫu với số liệu tự tạo để dùng thử; dữ liệu mẫu lưu riêng, không lẫn với dữ liệu thật.</source>
      <translation>Opens an invented commune to try the program; the demo data are kept apart from real data.</translation>
    </message>
    <message>
      <source>&amp;Bắt đầu</source>
      <translation>&amp;Start</translation>
    </message>
    <message>
      <source>Bắt đầu với thông tin xã đã nhập</source>
      <translation>Start with the commune details typed</translation>
    </message>
    <message>
      <source>Th&amp;oát</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>Thoát chương trình</source>
      <translation>Quit the program</translation>
    </message>
  </context>
  <context>
    <name>StartupCheck</name>
    <message>
      <source>Cơ sở dữ liệu bị hỏng</source>
      <translation>The database is damaged</translation>
    </message>
    <message>
      <source>Tệp dữ liệu %1 bị hỏng (kiểm tra toàn vẹn không đạt: %2). Chương trình không mở tệp hỏng để tránh mất thêm dữ liệu.</source>
      <translation>The data file %1 is damaged (the integrity check failed: %2). The program does not open a damaged file, so that no more data is lost.</translation>
    </message>
    <message>
      <source>Không tìm thấy bản sao lưu nào còn tốt trong thư mục sao lưu. Hãy chép tệp dữ liệu sang nơi khác và nhờ cán bộ kỹ thuật hỗ trợ.</source>
      <translation>No sound backup was found in the backups folder. Copy the data file somewhere safe and ask a technician for help.</translation>
    </message>
    <message>
      <source>Bản sao lưu tốt gần nhất là bản lúc %1 (tệp %2). Khôi phục từ bản này? Tệp hỏng được giữ lại, đổi tên bên cạnh, không bị xóa. Những thay đổi sau lúc sao lưu sẽ không có trong dữ liệu khôi phục.</source>
      <translation>The newest sound backup is the one of %1 (file %2). Restore from it? The damaged file is kept, renamed beside it, never deleted. Changes made after that backup will not be in the restored data.</translation>
    </message>
    <message>
      <source>Đã khôi phục từ %1. Tệp hỏng được giữ lại với tên %2.</source>
      <translation>Restored from %1. The damaged file was kept as %2.</translation>
    </message>
  </context>
  <context>
    <name>TargetsModel</name>
    <message>
      <source>Chỉ tiêu</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>Đơn vị tính</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>Mặc định</source>
      <translation>Default</translation>
    </message>
    <message>
      <source>Kế hoạch của xã</source>
      <translation>Commune's target</translation>
    </message>
    <message>
      <source>Áp dụng</source>
      <translation>Applied</translation>
    </message>
    <message>
      <source>Kế hoạch riêng của xã</source>
      <translation>The commune's own target</translation>
    </message>
    <message>
      <source>Mức mặc định của danh mục</source>
      <translation>The catalogue's default</translation>
    </message>
  </context>
  <context>
    <name>TargetsPage</name>
    <message>
      <source>«%1» không phải là số. Gõ số như 85 hoặc 1.234,5; để trống để dùng mức mặc định.</source>
      <translation>«%1» is not a number. Type a number such as 85 or 1.234,5; leave it empty to use the default.</translation>
    </message>
    <message>
      <source>Kế hoạch không được là số âm («%1»); hãy gõ số từ 0 trở lên.</source>
      <translation>A target cannot be negative («%1»); type 0 or more.</translation>
    </message>
    <message>
      <source>Không lưu «%1»: %2</source>
      <translation>«%1» not saved: %2</translation>
    </message>
    <message>
      <source>Đã lưu kế hoạch năm %1 của «%2»: %3.</source>
      <translation>Target for %1 of «%2» saved: %3.</translation>
    </message>
    <message>
      <source>Đã bỏ kế hoạch riêng năm %1 của «%2»; áp dụng mức mặc định %3.</source>
      <translation>The commune's own %1 target of «%2» removed; the default %3 applies.</translation>
    </message>
    <message>
      <source>Đã bỏ kế hoạch riêng năm %1 của «%2»; chỉ tiêu này chưa có kế hoạch.</source>
      <translation>The commune's own %1 target of «%2» removed; this indicator has no target now.</translation>
    </message>
    <message>
      <source>&lt;b&gt;Kế hoạch, chỉ tiêu năm&lt;/b&gt;</source>
      <translation>&lt;b&gt;Yearly plan and targets&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&amp;Năm:</source>
      <translation>&amp;Year:</translation>
    </message>
    <message>
      <source>Năm kế hoạch</source>
      <translation>Plan year</translation>
    </message>
    <message>
      <source>Chọn ô ở cột «Kế hoạch của xã», gõ số (ví dụ 85 hoặc 1.234,5) rồi nhấn Enter để lưu. Xóa trống ô (hoặc nhấn Delete) để dùng lại mức mặc định của danh mục. Cột «Áp dụng» in đậm khi xã dùng kế hoạch riêng.</source>
      <translation>Choose a cell of the «Commune's target» column, type a number (such as 85 or 1.234,5) and press Enter to save it. Empty the cell (or press Delete) to use the catalogue's default again. «Applied» is bold when the commune uses its own target.</translation>
    </message>
    <message>
      <source>&amp;Bảng kế hoạch:</source>
      <translation>&amp;Targets table:</translation>
    </message>
    <message>
      <source>Bảng kế hoạch, chỉ tiêu năm</source>
      <translation>Table of the year's targets</translation>
    </message>
    <message>
      <source>Thông báo</source>
      <translation>Message</translation>
    </message>
  </context>
  <context>
    <name>RecordKinds</name>
    <message>
      <source>Thôn, tổ dân phố</source>
      <translation>Villages and residential groups</translation>
    </message>
    <message>
      <source>Mã thôn</source>
      <translation>Village code</translation>
    </message>
    <message>
      <source>Tên thôn, tổ dân phố</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Loại</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Đang hoạt động</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>Ngày thành lập</source>
      <translation>Established</translation>
    </message>
    <message>
      <source>Ngày giải thể, sáp nhập</source>
      <translation>Dissolved or merged</translation>
    </message>
    <message>
      <source>Sáp nhập vào thôn</source>
      <translation>Merged into village</translation>
    </message>
    <message>
      <source>Cán bộ, công chức, viên chức, người lao động</source>
      <translation>Staff</translation>
    </message>
    <message>
      <source>Mã cán bộ</source>
      <translation>Staff code</translation>
    </message>
    <message>
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>Giới tính</source>
      <translation>Gender</translation>
    </message>
    <message>
      <source>Năm sinh</source>
      <translation>Year of birth</translation>
    </message>
    <message>
      <source>Chức vụ</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>Nhóm</source>
      <translation>Group</translation>
    </message>
    <message>
      <source>Thành viên Ban Chỉ đạo</source>
      <translation>Steering committee member</translation>
    </message>
    <message>
      <source>Số điện thoại</source>
      <translation>Phone number</translation>
    </message>
    <message>
      <source>Ngày bắt đầu công tác</source>
      <translation>Start of employment</translation>
    </message>
    <message>
      <source>Ngày thôi công tác</source>
      <translation>End of employment</translation>
    </message>
    <message>
      <source>Khóa bồi dưỡng, tập huấn</source>
      <translation>Training courses</translation>
    </message>
    <message>
      <source>Mã khóa</source>
      <translation>Course code</translation>
    </message>
    <message>
      <source>Tên khóa bồi dưỡng</source>
      <translation>Course title</translation>
    </message>
    <message>
      <source>Chủ đề</source>
      <translation>Topics</translation>
    </message>
    <message>
      <source>Ngày bắt đầu</source>
      <translation>Start date</translation>
    </message>
    <message>
      <source>Ngày kết thúc</source>
      <translation>End date</translation>
    </message>
    <message>
      <source>Số giờ</source>
      <translation>Hours</translation>
    </message>
    <message>
      <source>Đơn vị tổ chức</source>
      <translation>Organiser</translation>
    </message>
    <message>
      <source>Hình thức</source>
      <translation>Mode</translation>
    </message>
    <message>
      <source>Học viên tham gia bồi dưỡng</source>
      <translation>Course participants</translation>
    </message>
    <message>
      <source>Hoàn thành</source>
      <translation>Completed</translation>
    </message>
    <message>
      <source>Tổ công nghệ số cộng đồng</source>
      <translation>Community digital technology teams</translation>
    </message>
    <message>
      <source>Mã tổ</source>
      <translation>Team code</translation>
    </message>
    <message>
      <source>Tên tổ</source>
      <translation>Team name</translation>
    </message>
    <message>
      <source>Cấp</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Ngày giải thể</source>
      <translation>Dissolved</translation>
    </message>
    <message>
      <source>Thành viên Tổ công nghệ số cộng đồng</source>
      <translation>Team members</translation>
    </message>
    <message>
      <source>Vai trò</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Thành phần</source>
      <translation>Affiliation</translation>
    </message>
    <message>
      <source>Ngày tham gia</source>
      <translation>Joined on</translation>
    </message>
    <message>
      <source>Ngày thôi tham gia</source>
      <translation>Left on</translation>
    </message>
    <message>
      <source>Hoạt động hỗ trợ người dân</source>
      <translation>Support for residents</translation>
    </message>
    <message>
      <source>Ngày</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Nội dung hỗ trợ</source>
      <translation>Support type</translation>
    </message>
    <message>
      <source>Số lượt người được hỗ trợ</source>
      <translation>People supported</translation>
    </message>
    <message>
      <source>Ghi chú</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Lớp phổ cập kỹ năng số cho người dân</source>
      <translation>Digital skills classes for residents</translation>
    </message>
    <message>
      <source>Mã lớp</source>
      <translation>Class code</translation>
    </message>
    <message>
      <source>Ngày mở lớp</source>
      <translation>Class date</translation>
    </message>
    <message>
      <source>Nội dung</source>
      <translation>Topic</translation>
    </message>
    <message>
      <source>Số lượt người tham gia</source>
      <translation>Participants</translation>
    </message>
    <message>
      <source>Người hướng dẫn</source>
      <translation>Instructor</translation>
    </message>
    <message>
      <source>Nam</source>
      <translation>Male</translation>
    </message>
    <message>
      <source>Nữ</source>
      <translation>Female</translation>
    </message>
    <message>
      <source>Thôn</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>Tổ dân phố</source>
      <translation>Residential group</translation>
    </message>
    <message>
      <source>Cấp xã</source>
      <translation>Commune level</translation>
    </message>
    <message>
      <source>Cấp thôn</source>
      <translation>Village level</translation>
    </message>
    <message>
      <source>Trực tiếp</source>
      <translation>In person</translation>
    </message>
    <message>
      <source>Trực tuyến</source>
      <translation>Online</translation>
    </message>
    <message>
      <source>Kết hợp</source>
      <translation>Blended</translation>
    </message>
    <message>
      <source>Chuyển đổi số</source>
      <translation>Digital transformation</translation>
    </message>
    <message>
      <source>Kỹ năng số cơ bản</source>
      <translation>Basic digital skills</translation>
    </message>
    <message>
      <source>Trí tuệ nhân tạo</source>
      <translation>Artificial intelligence</translation>
    </message>
    <message>
      <source>An toàn thông tin</source>
      <translation>Information security</translation>
    </message>
    <message>
      <source>Dịch vụ công trực tuyến</source>
      <translation>Online public services</translation>
    </message>
    <message>
      <source>VNeID/định danh điện tử</source>
      <translation>VNeID/electronic identification</translation>
    </message>
    <message>
      <source>Cán bộ</source>
      <translation>Official</translation>
    </message>
    <message>
      <source>Công chức</source>
      <translation>Civil servant</translation>
    </message>
    <message>
      <source>Viên chức</source>
      <translation>Public employee</translation>
    </message>
    <message>
      <source>Người lao động</source>
      <translation>Worker</translation>
    </message>
    <message>
      <source>Tổ trưởng</source>
      <translation>Team leader</translation>
    </message>
    <message>
      <source>Tổ phó</source>
      <translation>Deputy team leader</translation>
    </message>
    <message>
      <source>Thành viên</source>
      <translation>Member</translation>
    </message>
    <message>
      <source>Bí thư chi bộ</source>
      <translation>Party cell secretary</translation>
    </message>
    <message>
      <source>Trưởng thôn/tổ trưởng TDP</source>
      <translation>Village head/residential group head</translation>
    </message>
    <message>
      <source>Công an</source>
      <translation>Police</translation>
    </message>
    <message>
      <source>Đoàn thanh niên</source>
      <translation>Youth Union</translation>
    </message>
    <message>
      <source>Hội phụ nữ</source>
      <translation>Women's Union</translation>
    </message>
    <message>
      <source>Hội cựu chiến binh</source>
      <translation>Veterans' Association</translation>
    </message>
    <message>
      <source>Hội nông dân</source>
      <translation>Farmers' Association</translation>
    </message>
    <message>
      <source>Doanh nghiệp viễn thông</source>
      <translation>Telecom company</translation>
    </message>
    <message>
      <source>Giáo viên</source>
      <translation>Teacher</translation>
    </message>
    <message>
      <source>Khác</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>Cài đặt, kích hoạt VNeID</source>
      <translation>VNeID installation and activation</translation>
    </message>
    <message>
      <source>Nộp hồ sơ dịch vụ công trực tuyến</source>
      <translation>Online public service applications</translation>
    </message>
    <message>
      <source>Thanh toán không dùng tiền mặt</source>
      <translation>Cashless payment</translation>
    </message>
    <message>
      <source>Mua bán trên sàn thương mại điện tử</source>
      <translation>Buying and selling on e-commerce platforms</translation>
    </message>
    <message>
      <source>An toàn trên không gian mạng, phòng chống lừa đảo</source>
      <translation>Online safety and fraud prevention</translation>
    </message>
    <message>
      <source>Nền tảng số khác</source>
      <translation>Other digital platforms</translation>
    </message>
    <message>
      <source>Số thôn, tổ dân phố</source>
      <translation>Villages and residential groups</translation>
    </message>
    <message>
      <source>Tổng số CBCCVC, NLĐ</source>
      <translation>Total staff</translation>
    </message>
    <message>
      <source>Đã bồi dưỡng chuyển đổi số, kỹ năng số (người)</source>
      <translation>Trained in digital transformation and skills (people)</translation>
    </message>
    <message>
      <source>Tập huấn AI (lượt, lũy kế)</source>
      <translation>AI training (attendances, year to date)</translation>
    </message>
    <message>
      <source>Tập huấn an toàn thông tin (lượt, lũy kế)</source>
      <translation>Information security training (attendances, year to date)</translation>
    </message>
    <message>
      <source>Có Tổ công nghệ số cộng đồng</source>
      <translation>With a community digital team</translation>
    </message>
    <message>
      <source>Qua bưu chính công ích</source>
      <translation>By public postal service</translation>
    </message>
    <message>
      <source>Được phủ sóng di động băng rộng (4G/5G)</source>
      <translation>Mobile broadband coverage (4G/5G)</translation>
    </message>
    <message>
      <source>Có cáp quang đến thôn</source>
      <translation>Fibre to the village</translation>
    </message>
  </context>
  <context>
    <name>ChartTexts</name>
    <message>
      <source>{label} — năm {year}</source>
      <translation>{label} — {year}</translation>
    </message>
    <message>
      <source>Tháng</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>Quý</source>
      <translation>Quarter</translation>
    </message>
    <message>
      <source>Chỉ tiêu năm {year}: {value}</source>
      <translation>{year} target: {value}</translation>
    </message>
    <message>
      <source>Dự báo tháng 12: {value}</source>
      <translation>December projection: {value}</translation>
    </message>
    <message>
      <source>Chưa có số liệu</source>
      <translation>No data yet</translation>
    </message>
    <message>
      <source>Lượt người dân được Tổ công nghệ số cộng đồng hỗ trợ, năm {year}</source>
      <translation>People supported by community digital teams, {year}</translation>
    </message>
    <message>
      <source>lượt</source>
      <translation>people supported</translation>
    </message>
    <message>
      <source>Hồ sơ tiếp nhận theo hình thức và tỷ lệ hồ sơ trực tuyến, năm {year}</source>
      <translation>Applications received by channel and share of online applications, {year}</translation>
    </message>
    <message>
      <source>hồ sơ</source>
      <translation>applications</translation>
    </message>
    <message>
      <source>Tỷ lệ hồ sơ trực tuyến</source>
      <translation>Share of online applications</translation>
    </message>
    <message>
      <source>Tỷ lệ trực tuyến {year}</source>
      <translation>Online share {year}</translation>
    </message>
    <message>
      <source>Thôn, tổ dân phố có hạ tầng số và Tổ công nghệ số cộng đồng — {period}</source>
      <translation>Villages and residential groups with digital infrastructure and community digital teams — {period}</translation>
    </message>
    <message>
      <source>thôn, tổ dân phố</source>
      <translation>villages and residential groups</translation>
    </message>
    <message>
      <source>tổng số: {value}</source>
      <translation>total: {value}</translation>
    </message>
    <message>
      <source>Cùng kỳ năm trước</source>
      <translation>Same period last year</translation>
    </message>
    <message>
      <source>Cán bộ, công chức, viên chức, người lao động được bồi dưỡng, năm {year}</source>
      <translation>Officials, civil servants, public employees and workers trained, {year}</translation>
    </message>
    <message>
      <source>người, lượt</source>
      <translation>people, attendances</translation>
    </message>
  </context>
</TS>