"""A hand-counted export of nine dossiers, the catalogue it needs, and a way to import a file as a user would."""

from django.core.files.uploadedfile import SimpleUploadedFile

from dossiers import actions
from dossiers.importer import execute
from dossiers.models import ImportRun, ImportSource
from dossiers.parsing import guess_mapping
from dossiers.tables import Table

HEADER = ("Mã hồ sơ;Mã thủ tục;Tên thủ tục;Lĩnh vực;Nơi tiếp nhận;Đơn vị giải quyết;Ngày tiếp nhận;Ngày hẹn trả;"
          "Ngày có kết quả;Hình thức nộp;Thanh toán trực tuyến;Phí, lệ phí;Số hóa;Trạng thái;Phiếu xin lỗi")
# Window 01/01/2024–30/11/2024, counted by hand (see test_import.py for the figures):
ROWS = [
    # across Tết 2024: received Wednesday 07/02, 3 working days, no due date in the export → due Monday 19/02
    "H01;1.010727;Cấp giấy phép môi trường;Môi trường;Trung tâm Phục vụ hành chính công tỉnh;Phòng Quản lý môi trường;"
    "07/02/2024 09:00;;19/02/2024 10:00;Trực tuyến toàn trình;;;Có;Đã trả kết quả;",
    # the same, received after the 15:00 cut-off → counted from Thursday 15/02 → due Tuesday 20/02: on time
    "H02;1.010727;Cấp giấy phép môi trường;Môi trường;Trung tâm Phục vụ hành chính công tỉnh;Phòng Quản lý môi trường;"
    "07/02/2024 16:30;;20/02/2024 08:00;Trực tiếp;;;Không;Đã trả kết quả;",
    "H03;1.004227;Đăng ký biến động quyền sử dụng đất;Đất đai;;Văn phòng Đăng ký đất đai;02/01/2024 08:00;"
    "16/01/2024;10/01/2024 15:00;Trực tuyến một phần;Có;50.000;Có;Đã trả kết quả;",
    "H04;1.004227;Đăng ký biến động quyền sử dụng đất;Đất đai;;VPĐKĐĐ;03/01/2024 08:00;17/01/2024;20/01/2024 09:00;"
    "Trực tiếp;Không;50.000;Có;Đã trả kết quả;Không",
    "H05;1.004227;Đăng ký biến động quyền sử dụng đất;Đất đai;;Văn phòng Đăng ký đất đai;05/03/2024 14:59;"
    "19/03/2024 17:00;25/03/2024 10:00;Trực tuyến toàn trình;Có;1.250.000đ;Có;Đã trả kết quả;Có",
    "H06;1.004253;Cấp giấy phép khai thác nước dưới đất;Tài nguyên nước;;Phòng Biển đảo, TNN-KS;20/11/2024 09:00;"
    "27/11/2024;;Bưu chính công ích;Không;;Không;Đang xử lý;Không",
    "H07;1.004253;Cấp giấy phép khai thác nước dưới đất;Tài nguyên nước;;Phòng Biển đảo, TNN-KS;28/11/2024 09:00;"
    "05/12/2024;;Trực tuyến một phần;Có;200000;Có;Đang xử lý;",
    "H08;1.004227;Đăng ký biến động quyền sử dụng đất;Đất đai;;Văn phòng Đăng ký đất đai;15/12/2023 08:00;"
    "05/01/2024;04/01/2024 16:00;Trực tiếp;Không;50.000;Không;Đã trả kết quả;",
    "H09;1.010727;Cấp giấy phép môi trường;Môi trường;;Phòng Quản lý môi trường;25/11/2024 08:00;28/11/2024;"
    "02/12/2024 09:00;Trực tiếp;;;Không;Đã trả kết quả;Có",
]
SAMPLE = "\n".join([HEADER, *ROWS]) + "\n"

CATALOGUE = [
    ("1.004227", "Đăng ký biến động quyền sử dụng đất", "Đất đai", 10, True),
    ("1.010727", "Cấp giấy phép môi trường", "Môi trường", 3, False),
    ("1.004253", "Cấp giấy phép khai thác nước dưới đất", "Tài nguyên nước", 5, True),
]


def make_catalogue(by=None):
    for code, name, field, days, fee in CATALOGUE:
        actions.save_procedure(by=by, code=code, name=name, field=field, processing_days=days, fee_bearing=fee)


def upload(user, unit, name: str, content: bytes, source_name="Phần mềm một cửa tỉnh") -> ImportRun:
    source = ImportSource.objects.filter(unit=unit, name=source_name).first()
    if source is None:
        source = actions.create_source(by=user, unit=unit, name=source_name)
    return actions.upload_export(by=user, source=source, uploaded_file=SimpleUploadedFile(name, content))


def import_bytes(user, unit, content: bytes, *, name="export.csv", mode=ImportRun.Mode.ALL_OR_NOTHING,
                 mapping=None) -> ImportRun:
    """Upload, confirm the guessed columns (or the given mapping), run; as the pages do."""
    run = upload(user, unit, name, content)
    if mapping is None:
        with Table(run.file.path) as table:
            mapping = guess_mapping(table.headers)
    actions.confirm_columns(run, by=user, mapping=mapping, mode=mode)
    execute(run)
    run.refresh_from_db()
    return run
