"""The seed plan's appendices as typed from the issued text (Phụ lục 1 whole, Phụ lục 2 part I, Phụ lục 3).

Unit cells are kept verbatim; plans/demo.py resolves them with org.matching.UnitDirectory.
"""

APPENDIX_1 = {'number': '1',
 'title': 'Nhiệm vụ, giải pháp nâng cao Chỉ số PAR INDEX của tỉnh',
 'sections': [{'numeral': 'I',
               'title': 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC',
               'tasks': [{'code': '1',
                          'content': 'Đẩy nhanh tiến độ, chất lượng thực hiện các nhiệm vụ được giao tại Quyết '
                                     'định số 3775/QĐ-UBND ngày 28/12/2023 của Chủ tịch UBND tỉnh về việc ban hành '
                                     'Kế hoạch CCHC nhà nước tỉnh Bà Rịa - Vũng Tàu năm 2024, Quyết định số '
                                     '993/QĐ-STNMT ngày 29/12/2023 về việc ban hành Kế hoạch cải cách hành chính '
                                     'năm 2024 của Sở Tài nguyên và Môi trường, phân đấu hoàn thành các nhiệm vụ '
                                     'đã được đề ra trước ngày 31/10/2024',
                          'lead_text': 'Các phòng, đơn vị trực thuộc',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024 (Phân đấu hoàn thành trước ngày 31/10/2024)',
                          'is_heading': False},
                         {'code': '2',
                          'content': 'Thực hiện nghiêm Chỉ thị số 10/CT-UBND ngày 16/8/2021 về việc nâng cao hiệu '
                                     'quả công tác CCHC trên địa bàn tỉnh. Nâng cao vai trò, trách nhiệm của người '
                                     'đứng đầu các cơ quan, đơn vị trong trực tiếp lãnh đạo, chỉ đạo thực hiện các '
                                     'nhiệm vụ CCHC. Khắc phục các tồn tại, hạn chế trong công tác phối hợp, đẩy '
                                     'nhanh tiến độ, chất lượng thực hiện các nhiệm vụ theo chức năng, nhiệm vụ '
                                     'quy định và được UBND tỉnh, Chủ tịch UBND tỉnh giao.',
                          'lead_text': 'Các phòng, đơn vị trực thuộc',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '3',
                          'content': 'Khẩn trương triển khai các giải pháp để khắc phục những tồn tại, hạn chế và '
                                     'kịp thời báo cáo chi tiết kết quả khắc phục mà Đoàn kiểm tra CCHC, Đoàn kiểm '
                                     'tra công vụ chỉ ra và đã được UBND tỉnh chỉ đạo',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị trực thuộc',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024 Theo yêu cầu của Đoàn kiểm tra',
                          'is_heading': False},
                         {'code': '4',
                          'content': 'Tăng cường tìm hiểu, áp dụng các mô hình, cách làm mới để nâng cao hiệu quả, '
                                     'chất lượng công việc, phục vụ người dân, tổ chức tốt hơn',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị trực thuộc',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '5',
                          'content': 'Triển thực hiện đầy đủ, kịp thời, có hiệu quả chỉ đạo của Chủ tịch UBND tỉnh '
                                     'tại Thông báo kết luận số 81/TB-UBND ngày 05/02/2024 tại Hội nghị tổng kết '
                                     'công tác CCHC, công tác chuyển đổi số năm 2023; Sơ kết 02 năm thực hiện Đề '
                                     'án 06 và triển khai các nhiệm vụ trọng tâm năm 2024 trên địa bàn tỉnh.',
                          'lead_text': 'Văn phòng Sở; Trung tâm Công nghệ thông tin tài nguyên và môi trường.',
                          'coordinating_text': 'Các phòng, đơn vị trực thuộc',
                          'monitoring_text': 'Văn phòng Sở; Trung tâm Công nghệ thông tin tài nguyên và môi '
                                             'trường.',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '6',
                          'content': 'Tham mưu UBND tỉnh thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ, UBND '
                                     'tỉnh giao, đảm bảo đầy đủ nội dung và thời gian theo yêu cầu.',
                          'lead_text': 'Các phòng, đơn vị trực thuộc',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024 Theo yêu cầu tiến độ nhiệm vụ',
                          'is_heading': False},
                         {'code': '7',
                          'content': 'Thực hiện chế độ báo cáo định kỳ đầy đủ nội dung và đúng thời gian quy định.',
                          'lead_text': 'Các phòng, đơn vị trực thuộc',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '8',
                          'content': 'Tiếp tục đổi mới, đa dạng các hình thức tuyên truyền về công tác CCHC theo '
                                     'nhiệm vụ được giao tại các cơ quan, đơn vị.',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị trực thuộc',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Văn bản, công khai, Tin bài trên Website; Báo cáo kết quả thực hiện Kế hoạch',
                          'deadline_text': '',
                          'is_heading': False},
                         {'code': '9',
                          'content': 'Thường xuyên tổ chức gặp gỡ người dân, đối thoại với doanh nghiệp và duy trì '
                                     'hiệu quả các kênh thông tin đường dây nóng để kịp thời lắng nghe, giải quyết '
                                     'các kiến nghị, phản ánh của người dân, doanh nghiệp.',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị trực thuộc',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Biên bản, Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False}]},
              {'numeral': 'II',
               'title': 'CẢI CÁCH THỂ CHẾ',
               'tasks': [{'code': '1',
                          'content': 'Thực hiện đúng các quy định trong công tác xây dựng, kiểm tra và xử lý văn '
                                     'bản quy phạm pháp luật (VBQPPL). Khi được giao tham mưu đề xuất, cơ quan có '
                                     'thẩm quyền ban hành VBQPPL phải phối hợp chặt chẽ với Sở Tư pháp, Phòng Tư '
                                     'pháp, UBND cấp huyện để thực hiện đúng trình tự, thủ tục theo quy định.',
                          'lead_text': 'Các phòng, đơn vị thuộc Sở',
                          'coordinating_text': '',
                          'monitoring_text': 'Thanh tra Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '2',
                          'content': 'Khi tham mưu xây dựng chính sách phải đảm bảo khả thi và đúng quy định; phải '
                                     'tuân thủ các bước xây dựng văn bản quy phạm pháp luật; đánh giá tác động, '
                                     'lấy ý kiến, giải trình làm rõ lý do tiếp thu, không tiếp thu ý kiến góp ý.',
                          'lead_text': 'Các phòng, đơn vị thuộc Sở',
                          'coordinating_text': '',
                          'monitoring_text': 'Thanh tra Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False}]},
              {'numeral': 'III',
               'title': 'CẢI CÁCH CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
               'tasks': [{'code': '1',
                          'content': 'Thường xuyên rà soát, cập nhật đầy đủ những TTHC còn hiệu lực được niêm yết '
                                     'tại Trang thông tin điện tử của đơn vị và Bộ phận một cửa trên địa bàn.',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'TTHC được cập nhật trên Trang thông tin điện tử',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '2',
                          'content': 'Rà soát, kiểm tra, xử lý dứt điểm các hồ sơ trực tuyến nộp từ Cổng dịch vụ '
                                     'công Quốc gia, nhất là các hồ sơ quá hạn đang xử lý theo Công văn số '
                                     '3855/VP-VPCP ngày 04/6/2024 của Văn phòng Chính phủ về việc đôn đốc thực '
                                     'hiện Đề án 06 và Kế hoạch cải cách TTHC trọng tâm năm 2024.',
                          'lead_text': 'Các phòng, đơn vị thuộc Sở',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Thống kê kết quả giải quyết trên Cổng dịch vụ công Quốc gia',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '3',
                          'content': 'Tăng cường tự kiểm tra, rà soát đội ngũ CBCCVC tiếp nhận, giải quyết hồ sơ '
                                     'để kịp thời phát hiện, chấn chỉnh, xử lý nghiêm các cá nhân để xảy ra hồ sơ '
                                     'TTHC trễ hẹn. Vận hành đầy đủ, đúng quy trình Hệ thống thông tin giải quyết '
                                     'TTHC.',
                          'lead_text': 'Văn phòng Sở; Các phòng, đơn vị trực thuộc Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': '',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '4',
                          'content': 'Thực hiện tốt công tác phối hợp với các cơ quan, đơn vị có liên quan trong '
                                     'quá trình giải quyết hồ sơ TTHC liên thông, theo dõi, đôn đốc kịp thời để '
                                     'không ảnh hưởng đến tiến độ giải quyết hồ sơ.',
                          'lead_text': 'Các phòng, đơn vị thuộc Sở',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Kết quả giải quyết các hồ sơ liên thông',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '5',
                          'content': 'Thường xuyên rà soát, tham mưu Chủ tịch UBND tỉnh kịp thời công bố danh mục '
                                     'TTHC, quy trình nội bộ giải quyết TTHC thuộc lĩnh vực, ngành phụ trách theo '
                                     'đúng quy định.',
                          'lead_text': 'Các phòng, đơn vị thuộc Sở',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Kết quả công bố danh mục TTHC',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '6',
                          'content': 'Tiếp tục ban hành và thực hiện hoàn thành kế hoạch kiểm soát TTHC hàng năm '
                                     'theo quy định; Duy trì thực hiện cơ chế một cửa, một cửa liên thông theo '
                                     'đúng quy định; thực hiện xin lỗi đối với tất cả các hồ sơ TTHC giải quyết '
                                     'chậm chễ; duy trì việc tiếp nhận, xử lý kịp thời các phản ánh, kiến nghị của '
                                     'cá nhân, tổ chức và công khai kết quả giải quyết kiến nghị, phản ánh trên '
                                     'Cổng dịch vụ công quốc gia, Cổng dịch vụ công của tỉnh theo đúng quy định.',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False}]},
              {'numeral': 'IV',
               'title': 'CẢI CÁCH TỔ CHỨC BỘ MÁY',
               'tasks': [{'code': '1',
                          'content': 'Thực hiện rà soát, báo cáo và xây dựng phương án sắp xếp tổ chức các đơn vị '
                                     'sự nghiệp công lập, cơ cấu tổ chức thuộc đơn vị sự nghiệp công lập theo quy '
                                     'định ² , đảm bảo thực hiện lộ trình đến năm 2025, giảm 10% đơn vị sự nghiệp '
                                     'công lập so với năm 2021.',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '2',
                          'content': 'Tiếp tục rà soát các quy định của pháp luật, đánh giá tình hình thực hiện '
                                     'những nhiệm vụ đã phân cấp, ủy quyền; chủ động đề xuất UBND tỉnh, Chủ tịch '
                                     'UBND tỉnh tiếp tục thực hiện phân cấp, ủy quyền đảm bảo giải quyết công việc '
                                     'hiệu quả, nhanh chóng.',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '3',
                          'content': 'Tổ chức thực hiện nghiêm các kết luận kiểm tra và báo cáo kết quả khắc phục '
                                     'theo đúng yêu cầu của UBND tỉnh.',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False}]},
              {'numeral': 'V',
               'title': 'VỀ CẢI CÁCH CHẾ ĐỘ CÔNG VỤ',
               'tasks': [{'code': '1',
                          'content': 'Tổ chức thực hiện nghiêm các quy định trong công tác tuyển dụng CCVC và bổ '
                                     'nhiệm các chức danh lãnh đạo quản lý, nhất là các quy định về công khai, '
                                     'minh bạch quy trình tuyển dụng, bổ nhiệm.',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '2',
                          'content': 'Thường xuyên kiểm tra, tự kiểm tra việc thực hiện nhiệm vụ, công vụ của đội '
                                     'ngũ CBCCVC tại đơn vị. Kịp thời chấn chỉnh, xử lý nghiêm các trường hợp vi '
                                     'phạm chế độ công vụ, thực hiện chậm trễ các nhiệm vụ được giao.',
                          'lead_text': 'Văn phòng Sở Các phòng, đơn vị trực thuộc Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '3',
                          'content': 'Quan tâm, tạo điều kiện cho CBCCVC tham dự đầy đủ các chương trình đào tạo, '
                                     'bồi dưỡng CBCCVC do tỉnh tổ chức, đảm bảo CBCCVC và người hoạt động không '
                                     'chuyên trách đủ chuẩn theo quy định tại Nghị định số 33/2023/NĐ-CP ngày '
                                     '10/6/2023 của Chính phủ.',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '4',
                          'content': 'Chủ động rà soát, đề xuất hoặc tổ chức các lớp đào tạo, bồi dưỡng về chuyên '
                                     'môn, nghiệp vụ cho đội ngũ CBCCVC theo đúng lộ trình, kế hoạch đã được phê '
                                     'duyệt, nâng cao chất lượng CBCCVC và người hoạt động không chuyên trách để '
                                     'trường hợp gặp khó khăn khách quan thì phải kịp thời báo cáo đề xuất Hội '
                                     'đồng điều hành công tác đào tạo, bồi dưỡng, phát triển toàn diện nguồn nhân '
                                     'lực tỉnh giai đoạn 2021-2025 (Hội đồng Điều hành 135).',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '5',
                          'content': 'Tham mưu UBND tỉnh cập nhật, hoàn thiện quy định về vị trí việc làm của cơ '
                                     'quan, tổ chức thuộc phạm vi quản lý theo đúng quy định; thường xuyên quán '
                                     'triệt đội ngũ CBCCVC thuộc thẩm quyền quản lý thực hiện đúng các quy định '
                                     'trong hoạt động công vụ.',
                          'lead_text': 'Văn phòng Sở Các phòng, đơn vị trực thuộc Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False}]},
              {'numeral': 'VI',
               'title': 'VỀ CẢI CÁCH TÀI CHÍNH CÔNG',
               'tasks': [{'code': '1',
                          'content': 'Tổ chức thực hiện có hiệu quả Chỉ thị số 11/CT-UBND ngày 29/12/2023 của UBND '
                                     'tỉnh về việc điều hành đầu tư công năm 2024 và các chỉ đạo của Tổ công tác '
                                     'lãnh đạo, đôn đốc đẩy nhanh tiến độ thực hiện và giải ngân kế hoạch vốn đầu '
                                     'tư công tỉnh.',
                          'lead_text': 'Phòng Kế hoạch – Tài chính',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Phòng Kế hoạch – Tài chính',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '2',
                          'content': 'Thực hiện nghiêm các quy định về quản lý, sử dụng tài sản công, cơ chế tự '
                                     'chủ, thực hành tiết kiệm, chống lãng phí trong quản lý, sử dụng kinh phí và '
                                     'công tác công khai, minh bạch về tài chính tại cơ quan, đơn vị.',
                          'lead_text': 'Phòng Kế hoạch – Tài chính',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Phòng Kế hoạch – Tài chính',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '3',
                          'content': 'Thực hiện đầy đủ, kịp thời các kiến nghị sau thanh tra, kiểm tra, kiểm toán '
                                     'nhà nước về tài chính, ngân sách.',
                          'lead_text': 'Phòng Kế hoạch – Tài chính',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Phòng Kế hoạch – Tài chính',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False}]},
              {'numeral': 'VII',
               'title': 'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ',
               'tasks': [{'code': '1',
                          'content': 'Quản triệt, chỉ đạo đội ngũ CBCCVC tiên phong trong tạo tài khoản và thực '
                                     'hiện nộp hồ sơ TTHC, thanh toán phí, lệ phí hồ sơ TTHC qua hình thức trực '
                                     'tuyến. Đồng thời tuyên truyền, vận động người thân, người quen lựa chọn hình '
                                     'thức trực tuyến khi nộp hồ sơ và thanh toán phí, lệ phí hồ sơ TTHC.',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '2',
                          'content': 'Đổi mới công tác tuyên truyền các nội dung CCHC đến người dân, doanh nghiệp '
                                     'theo hướng rà soát, phân loại từng nhóm đối tượng để có phương pháp tiếp '
                                     'cận, cách thức tuyên truyền cho phù hợp. Nội dung tuyên truyền tập trung vào '
                                     'cách thức thực hiện dịch vụ công trực tuyến, những nhiệm vụ, công việc, giải '
                                     'pháp mà đơn vị đã triển khai để phục vụ tốt hơn cho người dân, doanh nghiệp.',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '3',
                          'content': 'Duy trì, tăng cường hiệu quả Tổ hướng dẫn thực hiện dịch vụ công trực tuyến '
                                     'tại Bộ phận một cửa, kiện toàn hoạt động của Tổ công nghệ số cộng đồng, '
                                     'hướng dẫn người dân thực hiện dịch vụ công trực tuyến đảm bảo mỗi hộ gia '
                                     'đình ít nhất có một người biết sử dụng dịch vụ công trực tuyến.',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False}]}]}

APPENDIX_2 = {'number': '2',
 'title': 'Nhiệm vụ cần cải thiện, duy trì và nâng cao hiệu quả thực hiện các chỉ số đánh giá cải cách hành chính '
          '(PAR INDEX) của Sở Tài nguyên và Môi trường năm 2024',
 'sections': [{'numeral': 'I',
               'title': 'NHIỆM VỤ CẦN PHẢI KHẮC PHỤC, CẢI THIỆN',
               'tasks': [{'code': '1',
                          'content': 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC',
                          'lead_text': '',
                          'coordinating_text': '',
                          'monitoring_text': '',
                          'product': '',
                          'deadline_text': '',
                          'is_heading': True},
                         {'code': '1.1',
                          'content': 'Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC',
                          'lead_text': 'Văn Phòng sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn Phòng sở',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '1.2',
                          'content': 'Thực hiện mệnh lệnh hành chính cấp trên (thể hiện qua phần mềm chỉ đạo điều '
                                     'hành và kết quả theo dõi, tổng hợp của UBND tỉnh)',
                          'lead_text': 'Các phòng, đơn vị thuộc Sở',
                          'coordinating_text': '',
                          'monitoring_text': 'Trung tâm Công nghệ thông tin tài nguyên và môi trường chủ trì theo '
                                             'dõi đôn đốc; phối hợp cùng Tổ kiểm tra công vụ Sở kiểm tra báo cáo',
                          'product': '- Cập nhật kịp thời trên phần mềm CDDH của UBND tỉnh; - Báo cáo tiến độ thực '
                                     'hiện các nhiệm vụ do Tỉnh ủy, UBND tỉnh giao.',
                          'deadline_text': 'Báo cáo trước ngày 15/11',
                          'is_heading': False},
                         {'code': '1.3',
                          'content': 'Triển khai thực hiện các văn bản chỉ đạo của UBND tỉnh đầy đủ, kịp thời đặt '
                                     'biệt các nhiệm vụ liên quan đến công tác CCHC: Công tác chỉ đạo điều hành; '
                                     'Cải cách thể chế; Cải cách thủ tục hành chính; Cải cách tổ chức bộ máy HCNN; '
                                     'Cải cách chế độ công vụ; Cải cách tài chính công; Chính quyền điện tử, chính '
                                     'quyền số',
                          'lead_text': 'Văn phòng Sở; Thanh tra Sở; Phòng Kế hoạch – Tài chính; Trung tâm Công '
                                       'nghệ thông tin tài nguyên và môi trường chủ trì tham mưu nội dung theo '
                                       'chức năng được giao',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở; Thanh tra Sở; Phòng Kế hoạch – Tài chính; Trung tâm '
                                             'Công nghệ thông tin tài nguyên và môi trường theo chức năng được '
                                             'giao',
                          'product': 'Thực hiện đảm bảo các chỉ tiêu nhiệm vụ được giao tại các Quyết định, Kế '
                                     'hoạch, Công văn chỉ đạo... về CCHC; Báo cáo kết quả thực hiện',
                          'deadline_text': 'Trong thời hạn 20 ngày kể từ khi nhận được văn bản.',
                          'is_heading': False},
                         {'code': '1.4',
                          'content': 'Thực hiện các giải pháp nâng cao hiệu quả các chỉ số: PAR INDEX, SIPAS, '
                                     'PAPI, PCI,... theo chỉ đạo cấp trên',
                          'lead_text': 'Các phòng, đơn vị thuộc Sở',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng Sở; Phòng Kế hoạch – Tài chính; Phòng Quản lý đất đai; '
                                             'Phòng Quản lý môi trường; Trung tâm Công nghệ thông tin tài nguyên '
                                             'và môi trường theo chức năng được giao',
                          'product': 'Báo cáo kết quả thực hiện',
                          'deadline_text': 'Báo cáo trước ngày 15/11',
                          'is_heading': False},
                         {'code': '2',
                          'content': 'CẢI CÁCH HÀNH CHÍNH',
                          'lead_text': '',
                          'coordinating_text': '',
                          'monitoring_text': '',
                          'product': '',
                          'deadline_text': '',
                          'is_heading': True},
                         {'code': '2.1',
                          'content': 'Tham mưu UBND tỉnh ban hành quy trình nội bộ giải quyết TTHC (Chậm nhất sau '
                                     '05 ngày làm việc kể từ ngày Chủ tịch UBND tỉnh ký công bố TTHC)',
                          'lead_text': 'Phòng, đơn vị có chức năng tham mưu giải quyết TTHC',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': '',
                          'deadline_text': '',
                          'is_heading': False},
                         {'code': '2.2',
                          'content': 'Cập nhật kịp thời, công khai đầy đủ TTHC tại Trang thông tin điện tử của cơ '
                                     'quan và Trung tâm Phục vụ hành chính công tỉnh',
                          'lead_text': 'Văn phòng Sở, Trung tâm Công nghệ thông tin tài nguyên và môi trường',
                          'coordinating_text': 'Phòng, đơn vị có chức năng tham mưu giải quyết TTHC',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Thể hiện trên Trang thông tin điện tử của cơ quan và Trung tâm Phục vụ hành '
                                     'chính công tỉnh',
                          'deadline_text': '',
                          'is_heading': False},
                         {'code': '2.3',
                          'content': 'Thực hiện thời gian giải quyết hồ sơ đúng và trước hạn',
                          'lead_text': '- Thanh tra Sở; - Phòng Quản lý Biển đảo và Tài nguyên nước, Khoáng sản; - '
                                       'Phòng Quản lý đất đai; - Phòng Quản lý môi trường; - Văn phòng Đăng ký đất '
                                       'đai; - Trung tâm Công nghệ thông tin tài nguyên và môi trường.',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Thống kê, báo cáo trên phần mềm một cửa',
                          'deadline_text': 'Báo cáo trước ngày 15/11',
                          'is_heading': False},
                         {'code': '3',
                          'content': 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ',
                          'lead_text': '',
                          'coordinating_text': '',
                          'monitoring_text': '',
                          'product': '',
                          'deadline_text': '',
                          'is_heading': True},
                         {'code': '3.1',
                          'content': 'Tiến độ thực hiện tổ chức các lớp đào tạo, bồi dưỡng cán bộ, công chức, viên '
                                     'chức đã được UBND tỉnh phê duyệt',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Đơn vị thuộc Sở',
                          'monitoring_text': '',
                          'product': 'Kế hoạch; Văn bản đăng ký đào tạo, bồi dưỡng ( Theo quy định của Sở Nội vụ )',
                          'deadline_text': 'Báo cáo trước ngày 15/11',
                          'is_heading': False},
                         {'code': '3.2',
                          'content': 'Cập nhật dữ liệu cán bộ, công chức, viên chức (https://vungtau.vnerp.vn/) '
                                     'bảo đảm nguyên tắc “Đúng - Đủ - Sạch - Sòng”',
                          'lead_text': 'Các phòng, đơn vị trực thuộc Sở',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': 'Thống kê trên trang https://vungtau.vnerp.vn/',
                          'deadline_text': 'Theo yêu cầu của Sở Nội vụ',
                          'is_heading': False},
                         {'code': '4',
                          'content': 'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ',
                          'lead_text': '',
                          'coordinating_text': '',
                          'monitoring_text': '',
                          'product': '',
                          'deadline_text': '',
                          'is_heading': True},
                         {'code': '4.1',
                          'content': 'Xây dựng và phát triển chính quyền điện tử, chính quyền số Sử dụng Kết quả '
                                     'chỉ số Chuyển đổi số (DTI) do Sở Thông tin và Truyền Thông chấm và thẩm '
                                     'định, công bố hàng năm',
                          'lead_text': 'Trung tâm Công nghệ thông tin tài nguyên và môi trường',
                          'coordinating_text': 'Các phòng, đơn vị trực thuộc Sở',
                          'monitoring_text': 'Trung tâm Công nghệ thông tin tài nguyên và môi trường',
                          'product': '',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False}]}]}

APPENDIX_3 = {'number': '3',
 'title': 'Nhiệm vụ cần phải khắc phục, cải thiện và nâng cao chỉ số hài lòng của cá nhân, tổ chức và doanh nghiệp '
          'đối với sự phục vụ của cơ quan quản lý nhà nước (SIPAS) năm 2024',
 'sections': [{'numeral': '',
               'title': 'Nhiệm vụ, giải pháp',
               'tasks': [{'code': '1',
                          'content': 'Khi tham mưu xây dựng chính sách phải đảm bảo khả thi và đúng quy định; phải '
                                     'tuân thủ các bước xây dựng văn bản quy phạm pháp luật; đánh giá tác động, '
                                     'lấy ý kiến, giải trình nội dung tiếp thu, không tiếp thu',
                          'lead_text': 'Phòng, đơn vị thuộc Sở',
                          'coordinating_text': '',
                          'monitoring_text': 'Thanh tra sở',
                          'product': '',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '2',
                          'content': 'Thực hiện lấy ý kiến Nhân dân vào dự thảo chính sách bằng nhiều hình thức '
                                     'phù hợp để tạo điều kiện thuận lợi nhất cho người dân có thể tham gia góp ý '
                                     'chính sách',
                          'lead_text': 'Phòng, đơn vị thuộc Sở',
                          'coordinating_text': '',
                          'monitoring_text': 'Thanh tra sở',
                          'product': '',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '3',
                          'content': 'Đổi mới phương pháp thông tin, tuyên truyền về các chính sách đảm bảo hiệu '
                                     'quả, tương tác phù hợp với từng nhóm đối tượng; thông tin rộng rãi địa chỉ '
                                     'cơ quan, đơn vị có chức năng giải thích, hướng dẫn thực hiện các chính sách '
                                     'để người dân biết liên hệ',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': '',
                          'product': '',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '4',
                          'content': 'Tổ chức thực hiện nghiêm các chế độ, chính sách cho người dân được thụ hưởng '
                                     'theo đúng quy định. Thường xuyên kiểm tra để kịp thời phát hiện, xử lý các '
                                     'trường hợp tiêu cực trong triển khai, thực hiện các chính sách cho người '
                                     'dân.',
                          'lead_text': 'Phòng, đơn vị thuộc Sở',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': '',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '5',
                          'content': 'Tăng cường công tác đào tạo, bồi dưỡng, tập huấn cho đội ngũ cán bộ, công '
                                     'chức, viên chức thực hiện nhiệm vụ giải quyết công việc cho người dân.',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': '',
                          'product': '',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '6',
                          'content': 'Tiếp tục thực hiện rút ngắn 40% đến 45% thời gian giải quyết TTHC của tối '
                                     'thiểu 40% tổng số TTHC thuộc thẩm quyền giải quyết theo Kế hoạch của UBND '
                                     'tỉnh. Rà soát, đề xuất đơn giản hóa TTHC thuộc thẩm quyền giải quyết.',
                          'lead_text': 'Phòng, đơn vị thuộc Sở',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng sở',
                          'product': '',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '7',
                          'content': 'Theo dõi, đôn đốc kịp thời việc giải quyết hồ sơ, hạn chế tình trạng trễ hạn '
                                     'hồ sơ TTHC; Thực hiện và tiếp tục mở rộng việc tiếp nhận và trả kết quả TTHC '
                                     'không phụ thuộc vào địa giới hành chính; Đẩy mạnh việc số hóa kết quả giải '
                                     'quyết TTHC tạo điều kiện thuận lợi để người dân, doanh nghiệp thực hiện '
                                     'TTHC.',
                          'lead_text': 'Phòng, đơn vị thuộc Sở',
                          'coordinating_text': '',
                          'monitoring_text': 'Văn phòng sở',
                          'product': '',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False},
                         {'code': '8',
                          'content': 'Ngoài tiếp dân định kỳ, dành thời gian đầu giờ để tiếp dân, tạo điều kiện để '
                                     'người dân, tổ chức dễ dàng phản ánh, kiến nghị khi có nhu cầu. Ngay khi tiếp '
                                     'nhận kiến nghị, phản ánh phải tập trung giải quyết và thông báo kết quả giải '
                                     'quyết cụ thể đến người dân, tổ chức theo đúng quy định',
                          'lead_text': 'Văn phòng Sở',
                          'coordinating_text': 'Các phòng, đơn vị thuộc Sở',
                          'monitoring_text': 'Văn phòng Sở',
                          'product': '',
                          'deadline_text': 'Năm 2024',
                          'is_heading': False}]}]}
